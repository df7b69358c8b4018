variable "name" {
  description = "Name of the SNS topic (e.g. \"lifeline-alarms\"); list its ARN in alert-ingest's sns integration (sns-topic-arns)."
  type        = string
}

variable "alert_ingest_base_url" {
  description = "HTTPS base URL under which alert-ingest is reachable from SNS (e.g. \"https://lifeline.codeLibra.com\"); the module appends the SNS receiver path."
  type        = string

  validation {
    condition     = can(regex("^https://[^/?#]+(/[^?#]*)?$", var.alert_ingest_base_url))
    error_message = "The alert_ingest_base_url must be an https:// URL without query or fragment (alert-ingest requires HTTPS)."
  }
}

variable "kms_master_key_id" {
  description = "Customer managed KMS key (ID, ARN or alias) encrypting the topic; its key policy must let cloudwatch.amazonaws.com use kms:Decrypt and kms:GenerateDataKey* (the AWS managed alias/aws/sns cannot be used by CloudWatch). Null: unencrypted."
  type        = string
  default     = null
}

variable "delivery_num_retries" {
  description = "Retries SNS makes to deliver a message to alert-ingest after a 5xx or no answer (at most 100, all within an hour)."
  type        = number
  default     = 20

  validation {
    condition     = var.delivery_num_retries >= 4 && var.delivery_num_retries <= 100
    error_message = "The delivery_num_retries must be between 4 and 100 (4 = the 2 minimum-delay plus 2 maximum-delay retries)."
  }
}

variable "delivery_min_delay_seconds" {
  description = "Delay before the first retries (seconds)."
  type        = number
  default     = 5

  validation {
    condition     = var.delivery_min_delay_seconds >= 1
    error_message = "The delivery_min_delay_seconds must be at least 1."
  }
}

variable "delivery_max_delay_seconds" {
  description = "Longest delay between two retries (seconds); the exponential backoff grows from the minimum to this."
  type        = number
  default     = 60

  validation {
    condition     = var.delivery_max_delay_seconds >= var.delivery_min_delay_seconds && var.delivery_max_delay_seconds <= 3600
    error_message = "The delivery_max_delay_seconds must be between delivery_min_delay_seconds and 3600."
  }
}

variable "delivery_max_receives_per_second" {
  description = "Most messages per second SNS delivers to alert-ingest; keep it under the sns integration's rate-per-second (default 100)."
  type        = number
  default     = 50

  validation {
    condition     = var.delivery_max_receives_per_second >= 1
    error_message = "The delivery_max_receives_per_second must be at least 1."
  }
}

variable "tags" {
  description = "Tags of the topic."
  type        = map(string)
  default     = {}
}
