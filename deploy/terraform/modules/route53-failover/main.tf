# The RFC's Route 53 failover (aws_route53_health_check.primary, aws_route53_record.www and
# aws_route53_record.www_secondary) with every value taken from a variable, plus optional
# Route 53 ARC routing controls that gate each record.

locals {
  arc_count = var.use_arc_routing_controls ? 1 : 0

  # With ARC, the PRIMARY record is healthy only when its endpoint check passes AND its routing
  # control is On (a CALCULATED check over both); without ARC it is the endpoint check alone.
  primary_record_health_check_id = (
    var.use_arc_routing_controls
    ? aws_route53_health_check.primary_gate[0].id
    : aws_route53_health_check.primary.id
  )

  # The SECONDARY record follows its routing control with ARC, else its own endpoint check if one
  # is created, else nothing (as in the RFC).
  secondary_record_health_check_id = (
    var.use_arc_routing_controls
    ? aws_route53_health_check.secondary_arc[0].id
    : (var.create_secondary_health_check ? aws_route53_health_check.secondary[0].id : null)
  )
}

resource "aws_route53_health_check" "primary" {
  fqdn               = var.primary_health_check_fqdn
  port               = var.health_check_port
  type               = var.health_check_type
  resource_path      = var.health_check_type == "TCP" ? null : var.health_check_resource_path
  failure_threshold  = var.failure_threshold
  request_interval   = var.request_interval
  search_string      = var.search_string
  regions            = var.health_check_regions
  invert_healthcheck = var.invert_healthcheck

  tags = merge(var.tags, {
    Name = "${var.name}-primary"
  })
}

resource "aws_route53_health_check" "secondary" {
  count = var.create_secondary_health_check ? 1 : 0

  fqdn               = var.secondary_health_check_fqdn
  port               = var.health_check_port
  type               = var.health_check_type
  resource_path      = var.health_check_type == "TCP" ? null : var.health_check_resource_path
  failure_threshold  = var.failure_threshold
  request_interval   = var.request_interval
  search_string      = var.search_string
  regions            = var.health_check_regions
  invert_healthcheck = var.invert_healthcheck

  tags = merge(var.tags, {
    Name = "${var.name}-secondary"
  })

  lifecycle {
    precondition {
      condition     = var.secondary_health_check_fqdn != null
      error_message = "secondary_health_check_fqdn must be set when create_secondary_health_check is true."
    }
  }
}

resource "aws_route53_record" "primary" {
  zone_id = var.hosted_zone_id
  name    = var.record_name
  type    = var.record_type

  failover_routing_policy {
    type = "PRIMARY"
  }

  set_identifier  = var.primary_set_identifier
  health_check_id = local.primary_record_health_check_id

  alias {
    name                   = var.primary_lb_dns_name
    zone_id                = var.primary_lb_zone_id
    evaluate_target_health = var.evaluate_target_health
  }
}

resource "aws_route53_record" "secondary" {
  zone_id = var.hosted_zone_id
  name    = var.record_name
  type    = var.record_type

  failover_routing_policy {
    type = "SECONDARY"
  }

  set_identifier  = var.secondary_set_identifier
  health_check_id = local.secondary_record_health_check_id

  alias {
    name                   = var.secondary_lb_dns_name
    zone_id                = var.secondary_lb_zone_id
    evaluate_target_health = var.evaluate_target_health
  }
}

# Route 53 Application Recovery Controller: a cluster (five regional data-plane endpoints), a
# control panel and one routing control per region. Lifeline's failover-service flips the routing
# controls through the cluster endpoints; the RECOVERY_CONTROL health checks carry their state into
# the failover records above.

resource "aws_route53recoverycontrolconfig_cluster" "this" {
  count = local.arc_count

  name = "${var.name}-cluster"
}

resource "aws_route53recoverycontrolconfig_control_panel" "this" {
  count = local.arc_count

  name        = "${var.name}-panel"
  cluster_arn = aws_route53recoverycontrolconfig_cluster.this[0].arn
}

resource "aws_route53recoverycontrolconfig_routing_control" "primary" {
  count = local.arc_count

  name              = "${var.name}-${var.primary_region}"
  cluster_arn       = aws_route53recoverycontrolconfig_cluster.this[0].arn
  control_panel_arn = aws_route53recoverycontrolconfig_control_panel.this[0].arn
}

resource "aws_route53recoverycontrolconfig_routing_control" "secondary" {
  count = local.arc_count

  name              = "${var.name}-${var.secondary_region}"
  cluster_arn       = aws_route53recoverycontrolconfig_cluster.this[0].arn
  control_panel_arn = aws_route53recoverycontrolconfig_control_panel.this[0].arn
}

# Refuses any change that would leave both regions Off.
resource "aws_route53recoverycontrolconfig_safety_rule" "at_least_one_on" {
  count = local.arc_count

  name              = "${var.name}-at-least-one-on"
  control_panel_arn = aws_route53recoverycontrolconfig_control_panel.this[0].arn
  wait_period_ms    = var.arc_safety_rule_wait_period_ms
  asserted_controls = [
    aws_route53recoverycontrolconfig_routing_control.primary[0].arn,
    aws_route53recoverycontrolconfig_routing_control.secondary[0].arn,
  ]

  rule_config {
    inverted  = false
    threshold = 1
    type      = "ATLEAST"
  }
}

resource "aws_route53_health_check" "primary_arc" {
  count = local.arc_count

  type                = "RECOVERY_CONTROL"
  routing_control_arn = aws_route53recoverycontrolconfig_routing_control.primary[0].arn

  tags = merge(var.tags, {
    Name = "${var.name}-primary-arc"
  })
}

resource "aws_route53_health_check" "secondary_arc" {
  count = local.arc_count

  type                = "RECOVERY_CONTROL"
  routing_control_arn = aws_route53recoverycontrolconfig_routing_control.secondary[0].arn

  tags = merge(var.tags, {
    Name = "${var.name}-secondary-arc"
  })
}

resource "aws_route53_health_check" "primary_gate" {
  count = local.arc_count

  type                   = "CALCULATED"
  child_health_threshold = 2
  child_healthchecks = [
    aws_route53_health_check.primary.id,
    aws_route53_health_check.primary_arc[0].id,
  ]

  tags = merge(var.tags, {
    Name = "${var.name}-primary-gate"
  })
}
