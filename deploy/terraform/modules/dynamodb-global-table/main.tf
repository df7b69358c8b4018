# A DynamoDB global table (version 2019.11.21): the table in the provider's region and one replica
# per entry of replica_regions. Global tables need on-demand (or auto-scaled) capacity and a stream
# with NEW_AND_OLD_IMAGES.

resource "aws_dynamodb_table" "this" {
  name                        = var.name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = var.hash_key
  range_key                   = var.range_key
  stream_enabled              = true
  stream_view_type            = "NEW_AND_OLD_IMAGES"
  deletion_protection_enabled = var.deletion_protection_enabled

  attribute {
    name = var.hash_key
    type = var.hash_key_type
  }

  dynamic "attribute" {
    for_each = var.range_key == null ? [] : [var.range_key]

    content {
      name = attribute.value
      type = var.range_key_type
    }
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  server_side_encryption {
    enabled     = var.kms_key_arn != null
    kms_key_arn = var.kms_key_arn
  }

  dynamic "ttl" {
    for_each = var.ttl_attribute == null ? [] : [var.ttl_attribute]

    content {
      attribute_name = ttl.value
      enabled        = true
    }
  }

  dynamic "replica" {
    for_each = toset(var.replica_regions)

    content {
      region_name            = replica.value
      kms_key_arn            = lookup(var.replica_kms_key_arns, replica.value, null)
      point_in_time_recovery = var.point_in_time_recovery
      propagate_tags         = true
    }
  }

  tags = var.tags
}
