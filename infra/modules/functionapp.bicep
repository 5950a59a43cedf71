// The Flex Consumption plan and the function app (.NET 10 isolated worker). Flex Consumption is the serverless plan
// that supports managed-identity deployment, per-function scaling and an instance cap.

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the function app (also its host name: <name>.azurewebsites.net).')
param name string

@description('Azure region.')
param location string

param tags object

@description('The azd service name in azure.yaml: azd finds the app to deploy to by this tag.')
param serviceName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity (identity-based connections name it explicitly).')
param identityClientId string

@description('Name of the storage account of the host and the data.')
param storageAccountName string

@description('Blob endpoint of that account, e.g. https://st....blob.core.windows.net/.')
param storageBlobEndpoint string

@description('Container that holds the deployment package (azd uploads it with the deploying user\'s identity).')
param deploymentContainerName string

@description('Application Insights connection string (no key ingestion: authenticated by Entra ID).')
param applicationInsightsConnectionString string

@description('Maximum instances of the whole app. Registry rate limits are per caller IP and per network: each instance keeps at most 7 calls in any second towards Recherche d\'entreprises (its limit is per IP), whose limit is 30/s for a whole cloud network, so 4 instances (4 x 7 = 28/s) is the most that stays under it. INSEE\'s per-key quota is shared through the registryquota table, whatever the instance count. Raise it only if the registries allow more.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 4

@description('Memory per instance in MB (512, 2048 or 4096). 2048 fits a 10,000-row bulk file and the Marché copy in memory.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Concurrent HTTP requests per instance before Flex Consumption adds an instance.')
@minValue(1)
@maxValue(1000)
param httpPerInstanceConcurrency int = 16

@description('The app\'s own settings (registries, ESUS list, schedule, names of containers, queues and tables, Key Vault references).')
param appSettings object

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: {
    reserved: true // Linux: Flex Consumption runs on Linux only
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references are resolved with this identity (it holds Key Vault Secrets User).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        triggers: {
          http: { perInstanceConcurrency: httpPerInstanceConcurrency }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Flex Consumption sets the worker runtime and version from functionAppConfig: FUNCTIONS_WORKER_RUNTIME and
// FUNCTIONS_EXTENSION_VERSION must not be app settings there.
resource settings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettings, {
    // The host's own storage (timers, blob-trigger receipts, keys), reached with the identity, no connection string.
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    // Azure SDK clients in the app (DefaultAzureCredential / ManagedIdentityCredential) pick this identity.
    AZURE_CLIENT_ID: identityClientId
    // host.json's routePrefix is empty so that the buyers' page answers at /: the host's own default page must not.
    AzureWebJobsDisableHomepage: 'true'
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    // Telemetry authenticated with the identity (Application Insights has local auth disabled).
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  })
}

// Deployment goes through azd with Entra ID; no FTP or SCM basic-auth publishing credentials exist to leak.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

output name string = site.name
output id string = site.id
output defaultHostName string = site.properties.defaultHostName
