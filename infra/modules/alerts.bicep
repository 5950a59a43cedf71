// Alerts that keep the reference lists current without anyone remembering to (a failed nightly refresh, an ESUS
// list past its due date: 1 February, 1 July), and that say when a bulk file went wrong (a job the watchdog failed
// because it stopped moving, a message the host moved to the poison queue). Created only when an e-mail address is
// given; they query Application Insights (docs/operations.md explains them and lists other useful queries).

@description('Azure region.')
param location string

param tags object

@description('Application Insights component the alerts query.')
param applicationInsightsName string

@description('Address that receives the alerts.')
param email string

@description('Name prefix of the action group and rules.')
param namePrefix string

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource operators 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${namePrefix}-operators'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'esuscheck'
    enabled: true
    emailReceivers: [
      { name: 'operator', emailAddress: email, useCommonAlertSchema: true }
    ]
  }
}

var rules = [
  {
    name: '${namePrefix}-refresh-failed'
    description: 'A nightly refresh of the ESUS list or of the Marché copy failed; the previous list is still in use. The error trace says why (docs/operations.md).'
    severity: 2
    query: 'customMetrics | where name == "esuscheck.reference.refreshes" and tostring(customDimensions.outcome) == "failed"'
  }
  {
    name: '${namePrefix}-esus-list-stale'
    description: 'The ESUS list in use is past its due date (1 February or 1 July) or none is loaded: drop the new DG Trésor file into the reference container or set its new URL.'
    severity: 3
    query: 'customMetrics | where name == "esuscheck.reference.stale" and tostring(customDimensions.list) == "esus"'
  }
  {
    name: '${namePrefix}-bulk-job-stuck'
    description: 'A bulk supplier file stopped moving and the watchdog failed its job (bulk_job_stuck): the buyer must upload it again; the traces of that job id say where it stopped.'
    severity: 2
    query: 'traces | where severityLevel >= 3 and tostring(customDimensions.Code) == "bulk_job_stuck"'
  }
  {
    name: '${namePrefix}-bulk-poison'
    description: 'A bulk work message reached the poison queue (bulk_poison_message): its rows were settled as not checked or its job failed. The exceptions of that job id say why.'
    severity: 2
    query: 'traces | where severityLevel >= 3 and tostring(customDimensions.Code) == "bulk_poison_message"'
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in rules: {
    name: rule.name
    location: location
    tags: tags
    properties: {
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [applicationInsights.id]
      evaluationFrequency: 'PT6H'
      windowSize: 'P1D'
      criteria: {
        allOf: [
          {
            query: rule.query
            // Each row is one minute in which the metric was recorded at least once: any row fires.
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
          }
        ]
      }
      actions: { actionGroups: [operators.id] }
      // Once a day is enough: both conditions last until someone acts.
      muteActionsDuration: 'P1D'
      autoMitigate: false
    }
  }
]
