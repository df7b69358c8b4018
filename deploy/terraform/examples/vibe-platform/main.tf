# The RFC's Route 53 failover for www.codeLibra.com plus the DR plan's data layer, us-east-1
# primary and us-west-2 DR: the failover record pair, a cross-region read replica of
# vibe-postgres-production and a DynamoDB global table.

provider "aws" {
  region = var.primary_region
}

provider "aws" {
  alias  = "dr"
  region = var.dr_region
}

data "aws_route53_zone" "main" {
  name         = var.hosted_zone_name
  private_zone = false
}

data "aws_lb" "primary" {
  name = var.primary_lb_name
}

data "aws_lb" "secondary" {
  provider = aws.dr

  name = var.secondary_lb_name
}

data "aws_db_instance" "primary" {
  db_instance_identifier = var.primary_db_identifier
}

module "route53_failover" {
  source = "../../modules/route53-failover"

  name             = "vibe-www"
  hosted_zone_id   = data.aws_route53_zone.main.zone_id
  record_name      = var.record_name
  primary_region   = var.primary_region
  secondary_region = var.dr_region

  primary_lb_dns_name   = data.aws_lb.primary.dns_name
  primary_lb_zone_id    = data.aws_lb.primary.zone_id
  secondary_lb_dns_name = data.aws_lb.secondary.dns_name
  secondary_lb_zone_id  = data.aws_lb.secondary.zone_id

  # The RFC's aws_route53_health_check.primary.
  primary_health_check_fqdn  = var.primary_health_check_fqdn
  health_check_port          = 443
  health_check_type          = "HTTPS"
  health_check_resource_path = "/health"
  failure_threshold          = 3
  request_interval           = 30

  use_arc_routing_controls = var.use_arc_routing_controls

  tags = var.tags
}

module "postgres_replica" {
  source = "../../modules/rds-cross-region-replica"

  providers = {
    aws    = aws
    aws.dr = aws.dr
  }

  identifier              = var.replica_db_identifier
  source_db_instance_arn  = data.aws_db_instance.primary.db_instance_arn
  instance_class          = var.replica_instance_class
  multi_az                = true
  kms_key_id              = var.replica_kms_key_id
  backup_retention_period = 7
  db_subnet_group_name    = var.replica_db_subnet_group_name
  vpc_security_group_ids  = var.replica_security_group_ids

  tags = var.tags
}

module "sessions_table" {
  source = "../../modules/dynamodb-global-table"

  name            = var.sessions_table_name
  hash_key        = "session_id"
  replica_regions = [var.dr_region]
  ttl_attribute   = "expires_at"

  tags = var.tags
}
