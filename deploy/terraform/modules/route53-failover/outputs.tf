output "hosted_zone_id" {
  description = "Hosted zone of the failover record pair (lifeline.failover.aws.route53.hosted-zone-id)."
  value       = var.hosted_zone_id
}

output "record_name" {
  description = "Name of the failover record pair (lifeline.failover.aws.route53.record-name)."
  value       = aws_route53_record.primary.name
}

output "record_fqdn" {
  description = "FQDN Route 53 built for the record pair."
  value       = aws_route53_record.primary.fqdn
}

output "record_type" {
  description = "Type of the failover records (lifeline.failover.aws.route53.record-type)."
  value       = aws_route53_record.primary.type
}

output "primary_set_identifier" {
  description = "Set identifier of the PRIMARY record (lifeline.failover.aws.route53.primary-set-identifier)."
  value       = aws_route53_record.primary.set_identifier
}

output "secondary_set_identifier" {
  description = "Set identifier of the SECONDARY record (lifeline.failover.aws.route53.secondary-set-identifier)."
  value       = aws_route53_record.secondary.set_identifier
}

output "primary_health_check_id" {
  description = "ID of the primary endpoint health check (the RFC's aws_route53_health_check.primary)."
  value       = aws_route53_health_check.primary.id
}

output "secondary_health_check_id" {
  description = "ID of the secondary endpoint health check, or null when none is created."
  value       = one(aws_route53_health_check.secondary[*].id)
}

output "primary_record_health_check_id" {
  description = "Health check attached to the PRIMARY record: the endpoint check, or with ARC the CALCULATED gate (lifeline.failover.aws.route53.primary-health-check-id)."
  value       = local.primary_record_health_check_id
}

output "secondary_record_health_check_id" {
  description = "Health check attached to the SECONDARY record, or null for none (lifeline.failover.aws.route53.secondary-health-check-id)."
  value       = local.secondary_record_health_check_id
}

output "health_check_ids" {
  description = "Every health check of the module by role; absent ones are null."
  value = {
    primary       = aws_route53_health_check.primary.id
    secondary     = one(aws_route53_health_check.secondary[*].id)
    primary_arc   = one(aws_route53_health_check.primary_arc[*].id)
    secondary_arc = one(aws_route53_health_check.secondary_arc[*].id)
    primary_gate  = one(aws_route53_health_check.primary_gate[*].id)
  }
}

output "arc_cluster_arn" {
  description = "ARN of the ARC cluster, or null without ARC."
  value       = one(aws_route53recoverycontrolconfig_cluster.this[*].arn)
}

output "arc_cluster_endpoints" {
  description = "Regional data-plane endpoints of the ARC cluster ({region, endpoint} objects; empty without ARC) (lifeline.failover.aws.arc.cluster-endpoints)."
  value = flatten([
    for cluster in aws_route53recoverycontrolconfig_cluster.this : [
      for endpoint in cluster.cluster_endpoints : {
        region   = endpoint.region
        endpoint = endpoint.endpoint
      }
    ]
  ])
}

output "arc_control_panel_arn" {
  description = "ARN of the ARC control panel, or null without ARC."
  value       = one(aws_route53recoverycontrolconfig_control_panel.this[*].arn)
}

output "routing_control_arns" {
  description = "Routing control ARN by region (lifeline.failover.aws.arc.routing-control-arns); empty without ARC."
  value = zipmap(
    var.use_arc_routing_controls ? [var.primary_region, var.secondary_region] : [],
    concat(
      aws_route53recoverycontrolconfig_routing_control.primary[*].arn,
      aws_route53recoverycontrolconfig_routing_control.secondary[*].arn
    )
  )
}
