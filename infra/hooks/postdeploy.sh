#!/bin/sh
# azd postdeploy hook: subscribes the blob-triggered functions to the storage account's Event Grid system topic.
#
# Why after deploy and not after provision: the webhook URL carries the host's blobs_extension system key, and that
# key exists only once the deployed code has started with its Event Grid blob triggers. Running it again is safe:
# `create` replaces a subscription of the same name.
#
# Needs: the Azure CLI, logged in (`az login`) as someone who may write Event Grid subscriptions in the resource group.
# Reads from the azd environment (outputs of infra/main.bicep): RESOURCE_GROUP, AZURE_FUNCTION_APP_NAME,
# EVENT_GRID_SYSTEM_TOPIC_NAME, REFERENCE_CONTAINER_NAME, BULK_INPUT_CONTAINER_NAME, SPASER_INPUT_CONTAINER_NAME.
set -eu

command -v az >/dev/null 2>&1 || { echo "postdeploy: the Azure CLI (az) is required: https://aka.ms/azure-cli" >&2; exit 1; }

: "${RESOURCE_GROUP:?run through azd (azd up / azd deploy), which sets the environment}"
: "${AZURE_FUNCTION_APP_NAME:?}"
: "${EVENT_GRID_SYSTEM_TOPIC_NAME:?}"

# One line per blob-triggered function: <function name> <container>. Keep in step with the [BlobTrigger] attributes.
BLOB_TRIGGERS="${BLOB_TRIGGERS:-ReferenceBlobImport ${REFERENCE_CONTAINER_NAME:-reference}
BulkFileDropped ${BULK_INPUT_CONTAINER_NAME:-bulk-in}
SpaserFileDropped ${SPASER_INPUT_CONTAINER_NAME:-spaser-in}}"

# The key appears a little after the host starts: wait for it (about two minutes at most).
key=""
attempt=0
while [ -z "$key" ] && [ $attempt -lt 24 ]; do
  key=$(az functionapp keys list --name "$AZURE_FUNCTION_APP_NAME" --resource-group "$RESOURCE_GROUP" \
        --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)
  if [ -z "$key" ]; then attempt=$((attempt + 1)); sleep 5; fi
done
[ -n "$key" ] || { echo "postdeploy: no blobs_extension key on $AZURE_FUNCTION_APP_NAME (did the app start? see docs/deployment.md)" >&2; exit 1; }

echo "$BLOB_TRIGGERS" | while read -r function container; do
  [ -n "$function" ] || continue
  subscription=$(echo "blob-$container-$function" | tr '[:upper:]' '[:lower:]' | cut -c1-64)
  echo "postdeploy: Event Grid subscription $subscription: BlobCreated in $container/ -> $function"
  az eventgrid system-topic event-subscription create \
    --name "$subscription" \
    --resource-group "$RESOURCE_GROUP" \
    --system-topic-name "$EVENT_GRID_SYSTEM_TOPIC_NAME" \
    --endpoint-type webhook \
    --endpoint "https://$AZURE_FUNCTION_APP_NAME.azurewebsites.net/runtime/webhooks/blobs?functionName=Host.Functions.$function&code=$key" \
    --included-event-types Microsoft.Storage.BlobCreated \
    --subject-begins-with "/blobServices/default/containers/$container/blobs/" \
    --max-delivery-attempts 10 \
    --event-ttl 1440 \
    --output none
done
echo "postdeploy: blob triggers subscribed"
