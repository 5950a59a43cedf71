// The vault that holds the secrets: the INSEE Sirene key, the Marché de l'inclusion token, the Teams webhook secret
// and the key of the SIRET hashes in the logs. Access is by Azure RBAC (no access policies): the app's identity may
// only read secret values (roles.bicep).
// The app never sees the secrets in its settings: each setting is a Key Vault reference the platform resolves.

@description('Key Vault name (3-24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

param tags object

@description('Purge protection: a deleted vault or secret cannot be purged before its retention ends (it cannot be turned off again). Off only for a throwaway test environment that `azd down --purge` must remove.')
param enablePurgeProtection bool = true

@description('Secrets to store, by secret name. An empty value creates nothing: the capability stays off (for example no Marché token means the checker reads type_siae from Recherche d\'entreprises instead).')
@secure()
param secrets object

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    // On by default: a deleted secret stays recoverable for the retention period. The API refuses an explicit
    // false, so « off » is the property left out.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled' // the Flex Consumption app, without a virtual network, resolves references publicly
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource vaultSecrets 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = [
  for secret in items(secrets): if (!empty(secret.value)) {
    parent: vault
    name: secret.key
    properties: {
      value: secret.value
      contentType: 'text/plain'
    }
  }
]

output name string = vault.name
output uri string = vault.properties.vaultUri
