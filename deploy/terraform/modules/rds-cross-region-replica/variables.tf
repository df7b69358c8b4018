variable "identifier" {
  description = "Identifier of the read replica in the DR region (e.g. \"vibe-postgres-dr\")."
  type        = string
}

variable "source_db_instance_arn" {
  description = "ARN of the primary RDS instance to replicate; a cross-region replica needs the ARN, not the identifier."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-zA-Z-]*:rds:[a-z0-9-]+:[0-9]{12}:db:.+$", var.source_db_instance_arn))
    error_message = "The source_db_instance_arn must be an RDS DB instance ARN (arn:aws:rds:REGION:ACCOUNT:db:NAME)."
  }
}

variable "instance_class" {
  description = "Instance class of the replica; size it like the primary so a promoted replica can take the load."
  type        = string
}

variable "multi_az" {
  description = "Whether the replica is Multi-AZ in the DR region."
  type        = bool
  default     = true
}

variable "kms_key_id" {
  description = "ARN of a KMS key in the DR region; required when the source is encrypted (the replica is then encrypted with it). Null for an unencrypted source."
  type        = string
  default     = null
}

variable "backup_retention_period" {
  description = "Days of automated backups kept on the replica (greater than 0 so a promoted replica is backed up at once, as the DR plan's 7 days)."
  type        = number
  default     = 7

  validation {
    condition     = var.backup_retention_period >= 1 && var.backup_retention_period <= 35
    error_message = "The backup_retention_period must be between 1 and 35 so the replica can be promoted with backups."
  }
}

variable "backup_window" {
  description = "Daily UTC window for automated backups once the replica is promoted."
  type        = string
  default     = "02:00-03:00"
}

variable "db_subnet_group_name" {
  description = "DB subnet group in the DR region (e.g. \"vibe-db-subnet-group-dr\"); null for the default VPC."
  type        = string
  default     = null
}

variable "vpc_security_group_ids" {
  description = "Security groups of the replica in the DR region."
  type        = list(string)
  default     = []
}

variable "parameter_group_name" {
  description = "DB parameter group in the DR region; null for the engine default."
  type        = string
  default     = null
}

variable "deletion_protection" {
  description = "Whether the replica is protected against deletion."
  type        = bool
  default     = true
}

variable "skip_final_snapshot" {
  description = "Whether deleting the (promoted) replica skips the final snapshot."
  type        = bool
  default     = false
}

variable "performance_insights_enabled" {
  description = "Whether Performance Insights is enabled on the replica."
  type        = bool
  default     = false
}

variable "apply_immediately" {
  description = "Whether changes are applied at once instead of in the next maintenance window."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags of the replica."
  type        = map(string)
  default     = {}
}
