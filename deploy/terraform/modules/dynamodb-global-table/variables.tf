variable "name" {
  description = "Name of the table (the same in every region of the global table)."
  type        = string
}

variable "hash_key" {
  description = "Name of the partition key attribute."
  type        = string
}

variable "hash_key_type" {
  description = "Type of the partition key: S, N or B."
  type        = string
  default     = "S"

  validation {
    condition     = contains(["S", "N", "B"], var.hash_key_type)
    error_message = "The hash_key_type must be S, N or B."
  }
}

variable "range_key" {
  description = "Name of the sort key attribute, or null for none."
  type        = string
  default     = null
}

variable "range_key_type" {
  description = "Type of the sort key: S, N or B."
  type        = string
  default     = "S"

  validation {
    condition     = contains(["S", "N", "B"], var.range_key_type)
    error_message = "The range_key_type must be S, N or B."
  }
}

variable "replica_regions" {
  description = "Regions the table is replicated to, besides the provider's own (e.g. [\"us-west-2\"])."
  type        = list(string)

  validation {
    condition     = length(var.replica_regions) >= 1
    error_message = "A global table needs at least one replica region."
  }
}

variable "replica_kms_key_arns" {
  description = "Customer managed KMS key ARN by replica region; regions not listed use the AWS owned key."
  type        = map(string)
  default     = {}
}

variable "kms_key_arn" {
  description = "Customer managed KMS key ARN for the table in the primary region; null uses the AWS owned key."
  type        = string
  default     = null
}

variable "point_in_time_recovery" {
  description = "Whether point-in-time recovery is enabled on the table and its replicas."
  type        = bool
  default     = true
}

variable "ttl_attribute" {
  description = "Name of the attribute holding an item's expiry time, or null for no TTL."
  type        = string
  default     = null
}

variable "deletion_protection_enabled" {
  description = "Whether the table is protected against deletion."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags of the table, propagated to its replicas."
  type        = map(string)
  default     = {}
}
