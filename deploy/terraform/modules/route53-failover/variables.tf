variable "name" {
  description = "Short name used to label the health checks and, when enabled, the ARC cluster, control panel and routing controls (e.g. \"vibe-www\")."
  type        = string
}

variable "hosted_zone_id" {
  description = "ID of the Route 53 hosted zone that holds the failover record pair."
  type        = string
}

variable "record_name" {
  description = "Fully qualified name of the failover record pair (the RFC's \"www.codeLibra.com\")."
  type        = string
}

variable "record_type" {
  description = "Type of the failover alias records: A or AAAA."
  type        = string
  default     = "A"

  validation {
    condition     = contains(["A", "AAAA"], var.record_type)
    error_message = "The record_type must be A or AAAA (alias failover records)."
  }
}

variable "primary_region" {
  description = "Region served by the PRIMARY record (e.g. \"us-east-1\"); the key of that region in the routing_control_arns output."
  type        = string
}

variable "secondary_region" {
  description = "Region served by the SECONDARY record (e.g. \"us-west-2\"); the key of that region in the routing_control_arns output."
  type        = string
}

variable "primary_set_identifier" {
  description = "Set identifier of the PRIMARY record."
  type        = string
  default     = "primary"
}

variable "secondary_set_identifier" {
  description = "Set identifier of the SECONDARY record."
  type        = string
  default     = "secondary"
}

variable "primary_lb_dns_name" {
  description = "DNS name of the primary region's load balancer (alias target of the PRIMARY record)."
  type        = string
}

variable "primary_lb_zone_id" {
  description = "Canonical hosted zone ID of the primary region's load balancer."
  type        = string
}

variable "secondary_lb_dns_name" {
  description = "DNS name of the secondary (DR) region's load balancer (alias target of the SECONDARY record)."
  type        = string
}

variable "secondary_lb_zone_id" {
  description = "Canonical hosted zone ID of the secondary (DR) region's load balancer."
  type        = string
}

variable "evaluate_target_health" {
  description = "Whether the alias records also evaluate the health of their load balancer targets."
  type        = bool
  default     = true
}

variable "primary_health_check_fqdn" {
  description = "Host name the primary health check probes (the RFC's \"primary.codeLibra.com\")."
  type        = string
}

variable "create_secondary_health_check" {
  description = "Whether to create an endpoint health check for the secondary region too (the RFC has none)."
  type        = bool
  default     = false
}

variable "secondary_health_check_fqdn" {
  description = "Host name the secondary health check probes; required when create_secondary_health_check is true."
  type        = string
  default     = null
}

variable "health_check_port" {
  description = "Port the endpoint health checks connect to."
  type        = number
  default     = 443
}

variable "health_check_type" {
  description = "Protocol of the endpoint health checks: HTTP, HTTPS, HTTP_STR_MATCH, HTTPS_STR_MATCH or TCP."
  type        = string
  default     = "HTTPS"

  validation {
    condition     = contains(["HTTP", "HTTPS", "HTTP_STR_MATCH", "HTTPS_STR_MATCH", "TCP"], var.health_check_type)
    error_message = "The health_check_type must be HTTP, HTTPS, HTTP_STR_MATCH, HTTPS_STR_MATCH or TCP."
  }
}

variable "health_check_resource_path" {
  description = "Path the HTTP(S) health checks request."
  type        = string
  default     = "/health"
}

variable "failure_threshold" {
  description = "Number of consecutive failed (or passed) checks before Route 53 changes the endpoint's status."
  type        = number
  default     = 3

  validation {
    condition     = var.failure_threshold >= 1 && var.failure_threshold <= 10
    error_message = "The failure_threshold must be between 1 and 10."
  }
}

variable "request_interval" {
  description = "Seconds between two checks from one checker: 10 (fast) or 30 (standard)."
  type        = number
  default     = 30

  validation {
    condition     = contains([10, 30], var.request_interval)
    error_message = "The request_interval must be 10 or 30."
  }
}

variable "search_string" {
  description = "String the response body must contain; only for the HTTP_STR_MATCH and HTTPS_STR_MATCH types."
  type        = string
  default     = null
}

variable "health_check_regions" {
  description = "Route 53 checker regions to probe from (at least 3); null uses Route 53's default set."
  type        = list(string)
  default     = null

  validation {
    condition     = var.health_check_regions == null || length(coalesce(var.health_check_regions, [])) >= 3
    error_message = "Route 53 needs at least 3 checker regions when health_check_regions is set."
  }
}

variable "invert_healthcheck" {
  description = "Whether Route 53 inverts the status of the endpoint health checks."
  type        = bool
  default     = false
}

variable "use_arc_routing_controls" {
  description = "Whether to create a Route 53 ARC cluster, control panel, one routing control per region and RECOVERY_CONTROL health checks that gate the failover records."
  type        = bool
  default     = false
}

variable "arc_safety_rule_wait_period_ms" {
  description = "Wait period of the ARC assertion rule that keeps at least one routing control On."
  type        = number
  default     = 5000
}

variable "tags" {
  description = "Tags added to every taggable resource of the module."
  type        = map(string)
  default     = {}
}
