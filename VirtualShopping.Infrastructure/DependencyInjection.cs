using Hangfire;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "VirtualShopping";

    /// <summary>
    /// Wires persistence (the provider chosen by `Database:Provider`), Data Protection keys in the database,
    /// chat attachments' storage (files under `Attachments:Path`), and Hangfire's storage (in memory for SQLite, SQL Server alongside the data otherwise).
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException($"Database:Provider is SqlServer but ConnectionStrings:{ConnectionStringName} is empty.");
                }

                // No retrying execution strategy: it refuses the app's own transactions (the claim race, chat start,
                // the last-HQ-admin check). A transient failure is answered 503 with Retry-After and retried by the client.
                services.AddDbContextFactory<SqlServerVirtualShoppingDbContext>(
                    o => o.UseSqlServer(connectionString),
                    ServiceLifetime.Scoped);
                OptionsBuiltOnce<SqlServerVirtualShoppingDbContext>(services);
                services.AddScoped<IDbContextFactory<VirtualShoppingDbContext>, ProviderDbContextFactory<SqlServerVirtualShoppingDbContext>>();
                services.AddScoped<VirtualShoppingDbContext>(sp => sp.GetRequiredService<SqlServerVirtualShoppingDbContext>());
                AddHangfireStorage(services, _ => new SqlServerStorage(connectionString, new SqlServerStorageOptions { PrepareSchemaIfNecessary = true }));
                break;

            default:
                services.AddDbContextFactory<SqliteVirtualShoppingDbContext>(
                    o => o.UseSqlite(SqliteBusyTimeoutInterceptor.WithBusyTimeout(
                            string.IsNullOrWhiteSpace(connectionString) ? "Data Source=App_Data/virtualshopping.db" : connectionString,
                            options.BusyTimeoutSeconds))
                        .AddInterceptors(new SqliteBusyTimeoutInterceptor(options.BusyTimeoutSeconds), new SqliteWriteGate(TimeSpan.FromSeconds(options.BusyTimeoutSeconds))),
                    ServiceLifetime.Scoped);
                OptionsBuiltOnce<SqliteVirtualShoppingDbContext>(services);
                services.AddScoped<IDbContextFactory<VirtualShoppingDbContext>, ProviderDbContextFactory<SqliteVirtualShoppingDbContext>>();
                services.AddScoped<VirtualShoppingDbContext>(sp => sp.GetRequiredService<SqliteVirtualShoppingDbContext>());
                AddHangfireStorage(services, _ => new InMemoryStorage(new InMemoryStorageOptions()));
                break;
        }

        services.AddScoped<DatabaseMigrator>();
        services.AddSingleton<Secrets.SecretProtector>();
        services.AddOptions<Email.SmtpOptions>().Bind(configuration.GetSection(Email.SmtpOptions.Section));
        services.AddSingleton<Email.SmtpEmailSender>();
        services.AddOptions<Sms.SmsOptions>().Bind(configuration.GetSection(Sms.SmsOptions.Section));
        services.AddHttpClient<Sms.TwilioSmsSender>(c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddOptions<Files.AttachmentStorageOptions>().Bind(configuration.GetSection(Files.AttachmentStorageOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Attachments:Path names the folder for chat attachments.").ValidateOnStart();
        services.AddSingleton<Files.IAttachmentStorage, Files.FileSystemAttachmentStorage>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddDataProtection().SetApplicationName("VirtualShopping").PersistKeysToDbContext<VirtualShoppingDbContext>();
        return services;
    }

    /// <summary>
    /// The context's options are built once per host, not once per scope: the factory stays scoped (a context takes the
    /// scope's merchant through its constructor), but building the options (the configuration actions, the connection
    /// string, the extensions) cost each SignalR message and request about 8% of the CPU under load (issue 11's profile).
    /// Any ConfigureDbContext for this context must then be registered as a singleton too.
    /// </summary>
    private static void OptionsBuiltOnce<TContext>(IServiceCollection services)
        where TContext : DbContext
    {
        var scoped = services.Single(d => d.ServiceType == typeof(DbContextOptions<TContext>));
        services.Remove(scoped);
        foreach (var configuration in services.Where(d => d.ServiceType == typeof(IDbContextOptionsConfiguration<TContext>)).ToList())
        {
            services[services.IndexOf(configuration)] = ServiceDescriptor.Singleton(configuration.ServiceType, configuration.ImplementationFactory!);
        }

        services.Add(ServiceDescriptor.Singleton(typeof(DbContextOptions<TContext>), scoped.ImplementationFactory!));
        services.Replace(ServiceDescriptor.Singleton<DbContextOptions>(sp => sp.GetRequiredService<DbContextOptions<TContext>>()));
    }

    /// <summary>
    /// Each host gets its own job storage from DI (Hangfire's global JobStorage.Current is only a fallback),
    /// so two hosts in one process — as in the tests — never share or dispose each other's storage.
    /// </summary>
    private static void AddHangfireStorage(IServiceCollection services, Func<IServiceProvider, JobStorage> storage)
    {
        services.AddSingleton(storage);
        services.AddHangfire((sp, h) =>
        {
            h.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings().UseStorage(sp.GetRequiredService<JobStorage>());
            if (sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>() is { } loggers)
            {
                h.UseLogProvider(new Jobs.DisposalSafeLogProvider(loggers));
            }
        });
    }
}
