output "topic_arn" {
  description = "ARN of the topic: the alarms' alarm_actions/ok_actions, and alert-ingest's sns-topic-arns."
  value       = aws_sns_topic.alarms.arn
}

output "topic_name" {
  description = "Name of the topic."
  value       = aws_sns_topic.alarms.name
}

output "subscription_arn" {
  description = "ARN of alert-ingest's HTTPS subscription."
  value       = aws_sns_topic_subscription.alert_ingest.arn
}

output "subscription_endpoint" {
  description = "URL SNS delivers to (alert-ingest's SNS receiver)."
  value       = aws_sns_topic_subscription.alert_ingest.endpoint
}

output "pending_confirmation" {
  description = "Whether alert-ingest has not confirmed the subscription yet (true until it receives and verifies the SubscriptionConfirmation)."
  value       = aws_sns_topic_subscription.alert_ingest.pending_confirmation
}

output "alert_ingest_integration" {
  description = "The alert-ingest integration (lifeline.ingest.integrations.<name>) that accepts this topic."
  value = {
    type           = "sns"
    sns-topic-arns = [aws_sns_topic.alarms.arn]
  }
}
