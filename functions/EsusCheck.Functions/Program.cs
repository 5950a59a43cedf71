using EsusCheck.Core;
using EsusCheck.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddEsusCheckFunctions(builder.Configuration);
builder.Build().Run();
