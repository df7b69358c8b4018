# Lifeline's own AWS side: the SNS topic CloudWatch alarms publish to (delivered to alert-ingest
# over HTTPS), one alarm on the RFC's primary health check as an example, and the least-privilege
# IAM policies (and optional EKS IRSA roles) of failover-service and recovery-service, scoped to
# the resources above.

module "lifeline_alarms" {
  source = "../../modules/sns-alarms"

  name                  = "lifeline-alarms"
  alert_ingest_base_url = var.lifeline_alert_ingest_base_url
  kms_master_key_id     = var.lifeline_alarms_kms_key_id

  tags = var.tags
}

# Route 53 publishes health check metrics in us-east-1 only: this alarm (and its topic) must live
# there, which is the primary region here. ALARM raises a Lifeline alert, OK resolves it.
resource "aws_cloudwatch_metric_alarm" "primary_unhealthy" {
  alarm_name        = "vibe-www-primary-unhealthy"
  alarm_description = "The primary endpoint (${var.primary_health_check_fqdn}) fails its Route 53 health check."

  namespace   = "AWS/Route53"
  metric_name = "HealthCheckStatus"
  dimensions = {
    HealthCheckId = module.route53_failover.primary_health_check_id
  }
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 2
  threshold           = 1
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"

  alarm_actions = [module.lifeline_alarms.topic_arn]
  ok_actions    = [module.lifeline_alarms.topic_arn]

  tags = var.tags
}

module "lifeline_iam" {
  source = "../../modules/lifeline-iam"

  # failover-service: the record pair, the routing controls (with ARC), the replica, the global table.
  failover_hosted_zone_ids      = [data.aws_route53_zone.main.zone_id]
  failover_routing_control_arns = values(module.route53_failover.routing_control_arns)
  failover_rds_replica_arns     = [module.postgres_replica.replica_arn]
  failover_dynamodb_table_arns = concat(
    [module.sessions_table.table_arn],
    values(module.sessions_table.replica_arns),
  )
  failover_fis_experiment_template_ids = var.lifeline_fis_experiment_template_ids

  # recovery-service: the runbooks' instances, snapshots and buckets in both regions.
  recovery_regions                    = [var.primary_region, var.dr_region]
  recovery_db_instance_names          = [var.primary_db_identifier, var.replica_db_identifier]
  recovery_restored_db_instance_names = var.lifeline_restored_db_instance_names
  recovery_db_snapshot_names          = ["lifeline-*", "rds:${var.primary_db_identifier}-*"]
  recovery_db_subnet_group_names      = compact([var.replica_db_subnet_group_name])
  recovery_kms_key_arns               = var.replica_kms_key_id == null ? [] : [var.replica_kms_key_id]
  recovery_s3_bucket_arns             = [for bucket in var.lifeline_checked_bucket_names : "arn:aws:s3:::${bucket}"]

  eks_oidc_provider_arn         = var.lifeline_eks_oidc_provider_arn
  kubernetes_namespace          = var.lifeline_namespace
  failover_service_account_name = "lifeline-failover-service"
  recovery_service_account_name = "lifeline-recovery-service"

  tags = var.tags
}
