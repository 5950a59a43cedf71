// The storage account's Event Grid system topic. On Flex Consumption a blob trigger is fed by Event Grid (the polling
// blob trigger is not supported). The subscriptions that point this topic at the functions are created after the
// code is deployed (infra/hooks/postdeploy.sh): their webhook URL needs the blobs_extension key, which exists only
// once the app has started with its blob-triggered functions. Events that cannot be delivered after every retry are
// dead-lettered to a container (written with the topic's own identity): a dropped file is never lost silently.

@description('Name of the Event Grid system topic.')
param name string

@description('Azure region (the storage account\'s).')
param location string

param tags object

@description('Name of the storage account whose blob events the topic publishes.')
param storageAccountName string

@description('Container of that account that receives the events Event Grid could not deliver.')
param deadLetterContainerName string

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName

  resource blobs 'blobServices' existing = {
    name: 'default'

    resource deadLetter 'containers' existing = {
      name: deadLetterContainerName
    }
  }
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: { type: 'SystemAssigned' }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// Storage Blob Data Contributor on the dead-letter container only: the topic writes undeliverable events there.
resource deadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobs::deadLetter.id, systemTopic.id, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: storage::blobs::deadLetter
  properties: {
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    description: 'Event Grid dead-letters the blob events it could not deliver to the app.'
  }
}

output name string = systemTopic.name
output deadLetterContainerId string = storage::blobs::deadLetter.id
