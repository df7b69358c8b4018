output "table_name" {
  description = "Name of the global table (lifeline.failover.aws.dynamodb.table-name)."
  value       = aws_dynamodb_table.this.name
}

output "table_arn" {
  description = "ARN of the table in the provider's region."
  value       = aws_dynamodb_table.this.arn
}

output "stream_arn" {
  description = "ARN of the table's stream in the provider's region."
  value       = aws_dynamodb_table.this.stream_arn
}

output "replica_regions" {
  description = "Regions holding a replica (lifeline.failover.aws.dynamodb.replica-regions)."
  value       = sort([for replica in aws_dynamodb_table.this.replica : replica.region_name])
}

output "replica_arns" {
  description = "Replica ARN by region."
  value       = { for replica in aws_dynamodb_table.this.replica : replica.region_name => replica.arn }
}
