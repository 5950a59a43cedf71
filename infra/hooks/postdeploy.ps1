# azd postdeploy hook (Windows): same as postdeploy.sh, which explains why it runs after deploy.
# Subscribes the blob-triggered functions to the storage account's Event Grid system topic.
$ErrorActionPreference = 'Stop'

if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    throw 'postdeploy: the Azure CLI (az) is required: https://aka.ms/azure-cli'
}
foreach ($name in 'RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'EVENT_GRID_SYSTEM_TOPIC_NAME') {
    if (-not [Environment]::GetEnvironmentVariable($name)) { throw "postdeploy: $name is not set; run through azd (azd up / azd deploy)" }
}
$resourceGroup = $env:RESOURCE_GROUP
$app = $env:AZURE_FUNCTION_APP_NAME
$topic = $env:EVENT_GRID_SYSTEM_TOPIC_NAME
$referenceContainer = if ($env:REFERENCE_CONTAINER_NAME) { $env:REFERENCE_CONTAINER_NAME } else { 'reference' }
$bulkContainer = if ($env:BULK_INPUT_CONTAINER_NAME) { $env:BULK_INPUT_CONTAINER_NAME } else { 'bulk-in' }
$spaserContainer = if ($env:SPASER_INPUT_CONTAINER_NAME) { $env:SPASER_INPUT_CONTAINER_NAME } else { 'spaser-in' }

# One line per blob-triggered function: <function name> <container>. Keep in step with the [BlobTrigger] attributes.
$triggers = if ($env:BLOB_TRIGGERS) { $env:BLOB_TRIGGERS } else { "ReferenceBlobImport $referenceContainer`nBulkFileDropped $bulkContainer`nSpaserFileDropped $spaserContainer" }

$key = ''
for ($attempt = 0; $attempt -lt 24 -and -not $key; $attempt++) {
    $key = az functionapp keys list --name $app --resource-group $resourceGroup --query 'systemKeys.blobs_extension' --output tsv 2>$null
    if (-not $key) { Start-Sleep -Seconds 5 }
}
if (-not $key) { throw "postdeploy: no blobs_extension key on $app (did the app start? see docs/deployment.md)" }

foreach ($line in ($triggers -split "`n")) {
    $parts = $line.Trim() -split '\s+'
    if ($parts.Count -lt 2) { continue }
    $function, $container = $parts[0], $parts[1]
    $subscription = "blob-$container-$function".ToLowerInvariant()
    if ($subscription.Length -gt 64) { $subscription = $subscription.Substring(0, 64) }
    Write-Host "postdeploy: Event Grid subscription ${subscription}: BlobCreated in $container/ -> $function"
    az eventgrid system-topic event-subscription create `
        --name $subscription `
        --resource-group $resourceGroup `
        --system-topic-name $topic `
        --endpoint-type webhook `
        --endpoint "https://$app.azurewebsites.net/runtime/webhooks/blobs?functionName=Host.Functions.$function&code=$key" `
        --included-event-types Microsoft.Storage.BlobCreated `
        --subject-begins-with "/blobServices/default/containers/$container/blobs/" `
        --max-delivery-attempts 10 `
        --event-ttl 1440 `
        --output none
    if ($LASTEXITCODE -ne 0) { throw "postdeploy: could not create $subscription" }
}
Write-Host 'postdeploy: blob triggers subscribed'
