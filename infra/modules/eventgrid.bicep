// The storage account's Event Grid system topic. On Flex Consumption a blob trigger is fed by Event Grid (the polling
// blob trigger is not supported). The subscriptions that point this topic at the functions are created after the
// code is deployed (infra/hooks/postdeploy.sh): their webhook URL needs the blobs_extension key, which exists only
// once the app has started with its blob-triggered functions.

@description('Name of the Event Grid system topic.')
param name string

@description('Azure region (the storage account\'s).')
param location string

param tags object

@description('Name of the storage account whose blob events the topic publishes.')
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name
