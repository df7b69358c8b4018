variable "name_prefix" {
  description = "Prefix of the policy and role names (<prefix>-failover-service, <prefix>-recovery-service)."
  type        = string
  default     = "lifeline"
}

variable "path" {
  description = "IAM path of the policies and roles."
  type        = string
  default     = "/"
}

variable "tags" {
  description = "Tags of the policies and roles."
  type        = map(string)
  default     = {}
}

# failover-service

variable "create_failover_policy" {
  description = "Whether to create the failover-service policy (it needs at least one of the failover_* ARNs or IDs)."
  type        = bool
  default     = true
}

variable "failover_hosted_zone_ids" {
  description = "Route 53 hosted zone IDs whose failover record pair failover-service rewrites (routing.mode route53)."
  type        = list(string)
  default     = []
}

variable "failover_routing_control_arns" {
  description = "Route 53 ARC routing control ARNs failover-service reads and sets (routing.mode arc); route53-failover's routing_control_arns values."
  type        = list(string)
  default     = []
}

variable "failover_rds_replica_arns" {
  description = "ARNs of the RDS read replicas failover-service promotes (database.mode rds)."
  type        = list(string)
  default     = []
}

variable "failover_aurora_global_cluster_arns" {
  description = "ARNs of the Aurora global databases failover-service fails over or switches over (arn:aws:rds::ACCOUNT:global-cluster:NAME)."
  type        = list(string)
  default     = []
}

variable "failover_aurora_cluster_arns" {
  description = "ARNs of the Aurora member clusters a global failover or switchover may target (the secondary, and the primary for failback)."
  type        = list(string)
  default     = []
}

variable "failover_dynamodb_table_arns" {
  description = "ARNs of the DynamoDB global tables (and their replicas) failover-service checks before moving traffic."
  type        = list(string)
  default     = []
}

variable "failover_fis_experiment_template_ids" {
  description = "AWS FIS experiment template ID by region (lifeline.failover.aws.fis experiment templates) that drills start and stop."
  type        = map(string)
  default     = {}
}

# recovery-service

variable "create_recovery_policy" {
  description = "Whether to create the recovery-service policy (it needs RDS names with regions, or ElastiCache or S3 ARNs)."
  type        = bool
  default     = true
}

variable "recovery_regions" {
  description = "Regions the RDS runbook actions work in (primary and DR); every RDS name pattern is granted in each."
  type        = list(string)
  default     = []
}

variable "recovery_db_instance_names" {
  description = "DB instance identifiers (IAM wildcards allowed) the runbooks snapshot, fail over by reboot, promote and read (e.g. the primary and its replica)."
  type        = list(string)
  default     = []
}

variable "recovery_restored_db_instance_names" {
  description = "DB instance identifiers (IAM wildcards allowed) the runbooks restore from snapshots and delete on rollback (e.g. \"vibe-postgres-production-restored\")."
  type        = list(string)
  default     = []
}

variable "recovery_db_snapshot_names" {
  description = "DB snapshot identifiers (IAM wildcards allowed) the runbooks create, copy, read and restore from: Lifeline names its own lifeline-*; add \"rds:<instance>-*\" for automated snapshots."
  type        = list(string)
  default     = ["lifeline-*"]
}

variable "recovery_db_subnet_group_names" {
  description = "DB subnet groups restored instances may be placed in (the restore action's subnet-group parameter)."
  type        = list(string)
  default     = []
}

variable "recovery_db_option_group_names" {
  description = "Option groups restored instances may get (a restore keeps the snapshot's option group); the default covers the engines' default option groups."
  type        = list(string)
  default     = ["default:*"]
}

variable "recovery_kms_key_arns" {
  description = "KMS key ARNs encrypting cross-region snapshot copies (the copy action's kms-key-id); RDS may use them on recovery-service's behalf."
  type        = list(string)
  default     = []
}

variable "recovery_elasticache_replication_group_arns" {
  description = "ElastiCache replication group ARNs the runbooks test-fail over (arn:aws:elasticache:REGION:ACCOUNT:replicationgroup:NAME)."
  type        = list(string)
  default     = []
}

variable "recovery_s3_bucket_arns" {
  description = "S3 bucket ARNs whose versioning and replication the runbooks check (arn:aws:s3:::NAME)."
  type        = list(string)
  default     = []
}

# EKS IRSA

variable "eks_oidc_provider_arn" {
  description = "ARN of the EKS cluster's IAM OIDC provider; when set, one role per created policy is made for IRSA. Null: no roles."
  type        = string
  default     = null

  validation {
    condition     = var.eks_oidc_provider_arn == null || can(regex("^arn:aws[a-zA-Z-]*:iam::[0-9]{12}:oidc-provider/.+$", var.eks_oidc_provider_arn))
    error_message = "The eks_oidc_provider_arn must be an IAM OIDC provider ARN (arn:aws:iam::ACCOUNT:oidc-provider/ISSUER)."
  }
}

variable "kubernetes_namespace" {
  description = "Namespace Lifeline's Helm release runs in."
  type        = string
  default     = "lifeline"
}

variable "failover_service_account_name" {
  description = "Service account of failover-service (the Helm chart's failoverService.serviceAccountName)."
  type        = string
  default     = "lifeline-failover-service"
}

variable "recovery_service_account_name" {
  description = "Service account of recovery-service: the chart's recoveryService.serviceAccountName, or <release>-recovery-service when recoveryService.kubernetes.enabled."
  type        = string
  default     = "lifeline-recovery-service"
}
