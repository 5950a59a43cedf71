// Parameters for `azd provision` / `azd up`: azd sets AZURE_ENV_NAME, AZURE_LOCATION and AZURE_PRINCIPAL_ID; the
// ESUSCHECK_* values are set by the operator with `azd env set NAME value` (docs/deployment.md). azd keeps them in
// .azure/<environment>/.env on the operator's machine (git-ignored); the secrets then live in Key Vault.
using './main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'esuscheck')
param location = readEnvironmentVariable('AZURE_LOCATION', 'francecentral')
param operatorPrincipalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
param operatorPrincipalType = readEnvironmentVariable('AZURE_PRINCIPAL_TYPE', 'User')

param inseeApiKey = readEnvironmentVariable('ESUSCHECK_INSEE_API_KEY', '')
param marcheToken = readEnvironmentVariable('ESUSCHECK_MARCHE_TOKEN', '')
param teamsSecret = readEnvironmentVariable('ESUSCHECK_TEAMS_SECRET', '')
param siretHashKey = readEnvironmentVariable('ESUSCHECK_SIRET_HASH_KEY', '')
param existingSecretNames = split(readEnvironmentVariable('ESUSCHECK_EXISTING_SECRETS', ''), ',')

param esusListSource = readEnvironmentVariable('ESUSCHECK_ESUS_LIST_SOURCE', '')
param referenceRefreshSchedule = readEnvironmentVariable('ESUSCHECK_REFRESH_SCHEDULE', '0 30 3 * * *')
param maximumInstanceCount = int(readEnvironmentVariable('ESUSCHECK_MAX_INSTANCES', '4'))
param alertEmail = readEnvironmentVariable('ESUSCHECK_ALERT_EMAIL', '')
param bulkFileRetentionDays = int(readEnvironmentVariable('ESUSCHECK_BULK_RETENTION_DAYS', '30'))
