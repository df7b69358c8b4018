output "route53_failover" {
  description = "Everything the module gives about the failover record pair, its health checks and ARC."
  value       = module.route53_failover
}

output "postgres_replica" {
  description = "The cross-region read replica."
  value       = module.postgres_replica
}

output "sessions_table" {
  description = "The DynamoDB global table."
  value       = module.sessions_table
}

# The outputs as Lifeline failover-service settings (see deploy/terraform/README.md).
output "lifeline_failover_settings" {
  description = "Lifeline failover-service properties filled from this stack."
  value = {
    "lifeline.failover.aws.route53.hosted-zone-id"            = module.route53_failover.hosted_zone_id
    "lifeline.failover.aws.route53.record-name"               = module.route53_failover.record_name
    "lifeline.failover.aws.route53.record-type"               = module.route53_failover.record_type
    "lifeline.failover.aws.route53.primary-set-identifier"    = module.route53_failover.primary_set_identifier
    "lifeline.failover.aws.route53.secondary-set-identifier"  = module.route53_failover.secondary_set_identifier
    "lifeline.failover.aws.route53.primary-health-check-id"   = module.route53_failover.primary_record_health_check_id
    "lifeline.failover.aws.route53.secondary-health-check-id" = module.route53_failover.secondary_record_health_check_id
    "lifeline.failover.aws.arc.routing-control-arns"          = module.route53_failover.routing_control_arns
    "lifeline.failover.aws.arc.cluster-endpoints"             = module.route53_failover.arc_cluster_endpoints
    "lifeline.failover.aws.rds.replica-identifier"            = module.postgres_replica.replica_identifier
    "lifeline.failover.aws.rds.replica-region"                = module.postgres_replica.replica_region
    "lifeline.failover.aws.dynamodb.table-name"               = module.sessions_table.table_name
  }
}

output "lifeline_alarms" {
  description = "The CloudWatch alarms topic and alert-ingest's subscription; put alert_ingest_integration in lifeline.ingest.integrations."
  value       = module.lifeline_alarms
}

output "lifeline_iam" {
  description = "The failover-service and recovery-service policies (ARN and JSON), the IRSA roles and their Helm values."
  value       = module.lifeline_iam
}
