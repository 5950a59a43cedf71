// EsusCheck on Azure: one resource group with a Flex Consumption function app (.NET 10 isolated), its storage
// account, Application Insights on Log Analytics, a Key Vault for the three secrets, a user-assigned identity with
// the few roles it needs, and the Event Grid topic that feeds the blob triggers. `azd up` deploys it (azure.yaml).
// Every module says what each resource is for; roles.bicep says why each role is granted.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name (e.g. esuscheck-prod): names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Azure region of every resource. It must offer Flex Consumption (e.g. francecentral, westeurope, northeurope).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Resource group name; default rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the person or pipeline running azd (azd passes AZURE_PRINCIPAL_ID): granted blob upload and secret rotation. Empty grants nothing.')
param operatorPrincipalId string = ''

@description('Kind of that principal.')
@allowed(['User', 'Group', 'ServicePrincipal'])
param operatorPrincipalType string = 'User'

@description('INSEE Sirene API key (optional: identity fallback and bulk). Stored in Key Vault; empty means not configured.')
@secure()
param inseeApiKey string = ''

@description('Le Marché de l\'inclusion API token (optional: establishment-level kinds and the nightly copy). Stored in Key Vault.')
@secure()
param marcheToken string = ''

@description('Teams outgoing-webhook security token, base64 (optional: the Teams chat channel). Stored in Key Vault.')
@secure()
param teamsSecret string = ''

@description('Key of the HMAC that hashes SIRETs in the logs (32 random bytes, base64: `openssl rand -base64 32`). Stored in Key Vault. Empty: each app instance draws its own random key, so hashes cannot be compared across instances or restarts.')
@secure()
param siretHashKey string = ''

@description('Names of secrets already set in the vault by hand (insee-api-key, marche-token, teams-secret, siret-hash-key) whose app setting must reference them although no value is passed here.')
param existingSecretNames string[] = []

@description('Where the DG Trésor ESUS list is fetched from each night: an https URL to the XLSX or CSV (the address changes every year). Empty: the list comes only from files dropped into the reference container.')
param esusListSource string = ''

@description('NCRONTAB schedule of the reference refresh (ESUS list URL and Marché copy), in UTC. Default 03:30 every night.')
param referenceRefreshSchedule string = '0 30 3 * * *'

@description('Maximum instances of the app: caps the calls to rate-limited registries (see functionapp.bicep).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 4

@description('Days before uploaded supplier files and their results are deleted.')
@minValue(1)
param bulkFileRetentionDays int = 30

@description('E-mail address that receives the alerts (failed refresh, stale ESUS list). Empty: no alert is created.')
param alertEmail string = ''

@description('Key Vault purge protection (on by default; it cannot be turned off once on). Set to false only for a throwaway test environment.')
param keyVaultPurgeProtection bool = true

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName, application: 'esuscheck' }
var functionAppName = 'func-esuscheck-${resourceToken}'

// Names of the containers, queues and tables. Each name the code lets you configure is also passed to the app under
// the configuration key that reads it (appSettings below), so the code and the infrastructure cannot disagree; the
// others are constants in the code (trigger attributes need constants) and are repeated here with their source.
var names = {
  deploymentContainer: 'app-package-${take(resourceToken, 7)}' // Flex Consumption deployment package
  referenceContainer: 'reference' // ReferenceBlobImportFunction.Container (DG Trésor ESUS list files)
  bulkInputContainer: 'bulk-in' // BulkNames.InputContainer (supplier files to check)
  bulkOutputContainer: 'bulk-out' // Bulk:OutputContainer (results)
  bulkQueue: 'bulk-work' // BulkNames.WorkQueue (chunks of a file to check, supplier files and SPASER jobs alike)
  spaserInputContainer: 'spaser-in' // SpaserNames.InputContainer (DECP files for SPASER indicators; results in bulk-out)
  bulkPoisonQueue: 'bulk-work-poison' // BulkNames.PoisonQueue (messages the host gave up on; drained by BulkPoison)
  deadLetterContainer: 'eventgrid-deadletter' // blob events Event Grid could not deliver to the app
  cacheTable: 'registrycache' // Storage:Tables:FactsCache
  esusListTable: 'esuslist' // Storage:Tables:EsusList
  auditTable: 'checkaudit' // Storage:Tables:Audit
  requestLogTable: 'registryquota' // Storage:Tables:RequestLog (INSEE's per-key quota, shared by every instance)
  marcheCopyTable: 'marchecopy' // Reference:MarcheCopyTable
  finessCopyTable: 'finesscopy' // Reference:FinessCopyTable
  bulkJobsTable: 'bulkjobs' // Bulk:JobsTable
  chatTable: 'chatcontext' // Chat:ContextTable
}

// Secret name in the vault → the configuration key the app reads it from.
var secretSettings = [
  { name: 'insee-api-key', setting: 'Registries__Sirene__ApiKey', value: inseeApiKey }
  { name: 'marche-token', setting: 'Registries__MarcheInclusion__Token', value: marcheToken }
  { name: 'teams-secret', setting: 'Chat__TeamsSecret', value: teamsSecret }
  { name: 'siret-hash-key', setting: 'Logging__SiretHashKey', value: siretHashKey }
]

resource rg 'Microsoft.Resources/resourceGroups@2024-11-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-esuscheck-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-esuscheck-${resourceToken}'
    applicationInsightsName: 'appi-esuscheck-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'stesus${resourceToken}'
    location: location
    tags: tags
    containers: [
      names.deploymentContainer
      names.referenceContainer
      names.bulkInputContainer
      names.bulkOutputContainer
      names.spaserInputContainer
      names.deadLetterContainer
    ]
    queues: [names.bulkQueue, names.bulkPoisonQueue]
    tables: [
      names.cacheTable
      names.esusListTable
      names.auditTable
      names.requestLogTable
      names.marcheCopyTable
      names.finessCopyTable
      names.bulkJobsTable
      names.chatTable
    ]
    expiringContainers: [names.bulkInputContainer, names.bulkOutputContainer, names.spaserInputContainer, names.deadLetterContainer]
    retentionDays: bulkFileRetentionDays
  }
}

module eventGrid 'modules/eventgrid.bicep' = {
  name: 'eventgrid'
  scope: rg
  params: {
    name: 'evgt-esuscheck-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    deadLetterContainerName: names.deadLetterContainer
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-esus-${resourceToken}'
    location: location
    tags: tags
    secrets: toObject(secretSettings, s => s.name, s => s.value)
    enablePurgeProtection: keyVaultPurgeProtection
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
    operatorContainers: [
      names.referenceContainer
      names.bulkInputContainer
      names.bulkOutputContainer
      names.spaserInputContainer
      names.deadLetterContainer
    ]
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module alerts 'modules/alerts.bicep' = if (!empty(alertEmail)) {
  name: 'alerts'
  scope: rg
  params: {
    location: location
    tags: tags
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    email: alertEmail
    namePrefix: 'alert-esuscheck-${resourceToken}'
  }
}

// A setting is a Key Vault reference only when its secret exists: a reference to a missing secret would reach the
// app as the literal "@Microsoft.KeyVault(...)" text and look like a configured token.
var secretReferences = toObject(
  filter(secretSettings, s => !empty(s.value) || contains(existingSecretNames, s.name)),
  s => s.setting,
  s => '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${s.name})'
)

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    planName: 'asp-esuscheck-${resourceToken}'
    name: functionAppName
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: names.deploymentContainer
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    appSettings: union(secretReferences, {
      // The app's data clients reach the same account with the same identity (no connection string anywhere).
      Storage__AccountName: storage.outputs.name
      Storage__ManagedIdentityClientId: identity.outputs.clientId
      Storage__Tables__FactsCache: names.cacheTable
      Storage__Tables__EsusList: names.esusListTable
      Storage__Tables__Audit: names.auditTable
      Storage__Tables__RequestLog: names.requestLogTable
      Reference__MarcheCopyTable: names.marcheCopyTable
      Reference__FinessCopyTable: names.finessCopyTable
      Bulk__OutputContainer: names.bulkOutputContainer
      Bulk__JobsTable: names.bulkJobsTable
      Chat__ContextTable: names.chatTable
      Esus__ListSource: esusListSource
      // Read by the timer's binding expression %Reference:RefreshSchedule%: it must exist.
      Reference__RefreshSchedule: referenceRefreshSchedule
    })
  }
  // The app starts reading its deployment package and Key Vault references as soon as it exists.
  dependsOn: [roles]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output EVENT_GRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output EVENT_GRID_DEADLETTER_CONTAINER_ID string = eventGrid.outputs.deadLetterContainerId
output REFERENCE_CONTAINER_NAME string = names.referenceContainer
output BULK_INPUT_CONTAINER_NAME string = names.bulkInputContainer
output SPASER_INPUT_CONTAINER_NAME string = names.spaserInputContainer
