// The one identity the function app runs as. User-assigned (not system-assigned) so that its roles can be granted
// before the app exists: the Flex Consumption app needs blob access to its deployment container at creation time.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
