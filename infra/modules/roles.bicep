// Every role the app's identity holds, each on the narrowest scope that works, and why. Nothing is granted on the
// resource group or the subscription. Optional roles for the operator who deploys (drop reference files, read bulk
// results, rotate secrets) are at the end.

@description('Principal (object) id of the app\'s user-assigned identity.')
param appPrincipalId string

@description('Object id of the person or pipeline that operates the deployment; empty grants nothing.')
param operatorPrincipalId string = ''

@description('Kind of the operator principal.')
@allowed(['User', 'Group', 'ServicePrincipal'])
param operatorPrincipalType string = 'User'

param storageAccountName string
param keyVaultName string
param applicationInsightsName string

// Built-in role definition ids (the same in every tenant).
var roleIds = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Blob Data Owner, not Contributor: the Functions host manages blob leases and its own containers
// (azure-webjobs-hosts, azure-webjobs-secrets) through AzureWebJobsStorage, which the Functions documentation
// requires Owner for. It also covers the deployment package the platform reads at start, the reference/ files the
// blob trigger imports, the bulk-in/ and spaser-in/ files read and the bulk-out/ results written.
resource appBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, roleIds.storageBlobDataOwner)
  scope: storage
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageBlobDataOwner)
    description: 'Functions host storage (leases, keys, timers), deployment package, reference and bulk files.'
  }
}

// Queue Data Contributor: the bulk pipeline sends and receives its work messages, and the host moves failed blob
// trigger events to the webjobs-blobtrigger-poison queue.
resource appQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, roleIds.storageQueueDataContributor)
  scope: storage
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageQueueDataContributor)
    description: 'Bulk work queue and blob-trigger poison queue.'
  }
}

// Table Data Contributor: the registry cache, the ESUS list, the Marché copy, the audit history, bulk job state and
// chat conversations are tables the app reads and writes (and creates when missing).
resource appTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, roleIds.storageTableDataContributor)
  scope: storage
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageTableDataContributor)
    description: 'Registry cache, ESUS list, Marché copy, audit history, bulk jobs, chat conversations.'
  }
}

// Key Vault Secrets User: read secret values, nothing else (no listing keys, no writing). The platform resolves the
// app settings' Key Vault references with this identity.
resource appSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, roleIds.keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.keyVaultSecretsUser)
    description: 'Resolve the Key Vault references of the INSEE key, the Marché token and the Teams secret.'
  }
}

// Monitoring Metrics Publisher: Application Insights accepts only Entra-authenticated telemetry (local auth is off),
// so the identity needs the right to publish logs, traces and the EsusCheck metrics to this one component.
resource appMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, roleIds.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.monitoringMetricsPublisher)
    description: 'Send telemetry to Application Insights with Entra ID.'
  }
}

// Operator: Blob Data Contributor to upload the DG Trésor file into reference/, supplier files into bulk-in/ and DECP
// files into spaser-in/, and
// to download results from bulk-out/ (`az storage blob ... --auth-mode login`; shared keys are disabled).
resource operatorBlobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(storage.id, operatorPrincipalId, roleIds.storageBlobDataContributor)
  scope: storage
  properties: {
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageBlobDataContributor)
    description: 'Operator: drop reference and bulk files, read bulk results.'
  }
}

// Operator: Secrets Officer to set or rotate the INSEE key, the Marché token and the Teams secret in the vault.
resource operatorSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, roleIds.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.keyVaultSecretsOfficer)
    description: 'Operator: set and rotate the secrets.'
  }
}
