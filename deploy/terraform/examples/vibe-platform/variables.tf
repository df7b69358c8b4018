variable "primary_region" {
  description = "Primary region (the DR plan's us-east-1)."
  type        = string
  default     = "us-east-1"
}

variable "dr_region" {
  description = "Disaster-recovery region (the DR plan's us-west-2)."
  type        = string
  default     = "us-west-2"
}

variable "hosted_zone_name" {
  description = "Public hosted zone that holds the entry point."
  type        = string
  default     = "codeLibra.com"
}

variable "record_name" {
  description = "Entry point served by the failover record pair."
  type        = string
  default     = "www.codeLibra.com"
}

variable "primary_health_check_fqdn" {
  description = "Host name the primary health check probes."
  type        = string
  default     = "primary.codeLibra.com"
}

variable "primary_lb_name" {
  description = "Name of the primary region's application load balancer."
  type        = string
}

variable "secondary_lb_name" {
  description = "Name of the DR region's application load balancer."
  type        = string
}

variable "use_arc_routing_controls" {
  description = "Whether the failover records are gated by Route 53 ARC routing controls."
  type        = bool
  default     = false
}

variable "primary_db_identifier" {
  description = "Identifier of the primary RDS PostgreSQL instance."
  type        = string
  default     = "vibe-postgres-production"
}

variable "replica_db_identifier" {
  description = "Identifier of the cross-region read replica in the DR region."
  type        = string
  default     = "vibe-postgres-dr"
}

variable "replica_instance_class" {
  description = "Instance class of the read replica."
  type        = string
  default     = "db.r6g.large"
}

variable "replica_kms_key_id" {
  description = "KMS key ARN in the DR region for the encrypted replica; null when the primary is unencrypted."
  type        = string
  default     = null
}

variable "replica_db_subnet_group_name" {
  description = "DB subnet group of the replica in the DR region."
  type        = string
  default     = "vibe-db-subnet-group-dr"
}

variable "replica_security_group_ids" {
  description = "Security groups of the replica in the DR region."
  type        = list(string)
  default     = []
}

variable "sessions_table_name" {
  description = "Name of the DynamoDB global table."
  type        = string
  default     = "vibe-sessions"
}

variable "tags" {
  description = "Tags of every resource."
  type        = map(string)
  default = {
    Project     = "vibe"
    Environment = "production"
    ManagedBy   = "terraform"
  }
}

variable "lifeline_alert_ingest_base_url" {
  description = "HTTPS base URL of Lifeline's alert-ingest as SNS reaches it (the SNS receiver path is appended)."
  type        = string
  default     = "https://lifeline.codeLibra.com"
}

variable "lifeline_alarms_kms_key_id" {
  description = "Customer managed KMS key of the alarms topic (its policy must allow cloudwatch.amazonaws.com); null: unencrypted."
  type        = string
  default     = null
}

variable "lifeline_fis_experiment_template_ids" {
  description = "AWS FIS experiment template ID by region that failover drills run; empty: no FIS permissions."
  type        = map(string)
  default     = {}
}

variable "lifeline_restored_db_instance_names" {
  description = "DB instances recovery-service's runbooks restore from snapshots and may delete on rollback (rds-restore-from-snapshot's target, region-failover's DR instance)."
  type        = list(string)
  default     = ["vibe-postgres-production-restored", "vibe-postgres-dr"]
}

variable "lifeline_checked_bucket_names" {
  description = "S3 buckets whose versioning and replication recovery-service's runbooks check."
  type        = list(string)
  default     = ["vibe-uploads-production"]
}

variable "lifeline_eks_oidc_provider_arn" {
  description = "IAM OIDC provider ARN of the EKS cluster running Lifeline; null: no IRSA roles, attach the policies yourself."
  type        = string
  default     = null
}

variable "lifeline_namespace" {
  description = "Kubernetes namespace of the Lifeline Helm release."
  type        = string
  default     = "lifeline"
}
