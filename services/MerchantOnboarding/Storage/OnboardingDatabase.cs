using Commerce.ServiceDefaults.Storage;

namespace Commerce.Onboarding.Storage;

/// <summary>The service's one SQLite file: saga state, outbox, library, listings, live sessions and report aggregates.</summary>
public sealed class OnboardingDatabase(string filePath)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS applications (
            application_id TEXT PRIMARY KEY, merchant_id TEXT NOT NULL, user_id TEXT NOT NULL, request_id TEXT NOT NULL,
            stage INTEGER NOT NULL, business_name TEXT NOT NULL, store_name TEXT NOT NULL, business_type INTEGER NOT NULL,
            legal_rep_name TEXT NOT NULL, contact_phone TEXT NOT NULL, category TEXT NOT NULL, store_id TEXT,
            licence_number TEXT, failures TEXT NOT NULL DEFAULT '[]', stage_reason TEXT,
            created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, expire_at INTEGER,
            UNIQUE (user_id, request_id));
        CREATE INDEX IF NOT EXISTS ix_applications_stage ON applications (stage, expire_at);
        CREATE INDEX IF NOT EXISTS ix_applications_licence ON applications (licence_number);
        CREATE TABLE IF NOT EXISTS stores (
            store_id TEXT PRIMARY KEY, merchant_id TEXT NOT NULL, application_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
            status INTEGER NOT NULL, category TEXT NOT NULL, good_orders INTEGER NOT NULL DEFAULT 0,
            deposit_paid_cents INTEGER, activation_request_id TEXT, status_reason TEXT, created_at INTEGER NOT NULL,
            activated_at INTEGER, joined_at INTEGER NOT NULL, today TEXT, orders_today INTEGER NOT NULL DEFAULT 0,
            gmv_today_cents INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS ix_stores_merchant ON stores (merchant_id);
        CREATE TABLE IF NOT EXISTS programme_grants (
            store_id TEXT NOT NULL, programme INTEGER NOT NULL, start_at INTEGER NOT NULL, end_at INTEGER NOT NULL,
            reason TEXT NOT NULL, daily_exposures INTEGER NOT NULL, PRIMARY KEY (store_id, programme));
        CREATE TABLE IF NOT EXISTS outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, message_type TEXT NOT NULL,
            body TEXT NOT NULL, created_at INTEGER NOT NULL, sent_at INTEGER);
        CREATE INDEX IF NOT EXISTS ix_outbox_unsent ON outbox (sent_at, seq);
        CREATE TABLE IF NOT EXISTS processed_events (event_id TEXT PRIMARY KEY, consumer TEXT NOT NULL, processed_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS library_products (
            library_product_id TEXT PRIMARY KEY, cat1 TEXT NOT NULL, cat2 TEXT NOT NULL, cat3 TEXT NOT NULL,
            title_en TEXT NOT NULL, title_zh TEXT NOT NULL, search_text TEXT NOT NULL, price_cents INTEGER NOT NULL,
            commission REAL NOT NULL, sales INTEGER NOT NULL, rating REAL NOT NULL, body TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_library_category ON library_products (cat1, cat2, cat3, sales DESC);
        CREATE INDEX IF NOT EXISTS ix_library_sales ON library_products (sales DESC);
        CREATE TABLE IF NOT EXISTS library_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS store_products (
            product_id TEXT PRIMARY KEY, store_id TEXT NOT NULL, merchant_id TEXT NOT NULL, request_id TEXT NOT NULL,
            version INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, body TEXT NOT NULL,
            UNIQUE (store_id, request_id));
        CREATE INDEX IF NOT EXISTS ix_store_products_store ON store_products (store_id, created_at DESC);
        CREATE TABLE IF NOT EXISTS live_sessions (
            session_id TEXT PRIMARY KEY, store_id TEXT NOT NULL, merchant_id TEXT NOT NULL, request_id TEXT NOT NULL,
            created_at INTEGER NOT NULL, body TEXT NOT NULL, UNIQUE (store_id, request_id));
        CREATE TABLE IF NOT EXISTS daily_figures (
            merchant_id TEXT NOT NULL, day TEXT NOT NULL, orders INTEGER NOT NULL DEFAULT 0, gmv_cents INTEGER NOT NULL DEFAULT 0,
            live_seconds INTEGER NOT NULL DEFAULT 0, clips INTEGER NOT NULL DEFAULT 0, ad_spend_cents INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (merchant_id, day));
        CREATE TABLE IF NOT EXISTS daily_products (
            merchant_id TEXT NOT NULL, day TEXT NOT NULL, product_id TEXT NOT NULL, orders INTEGER NOT NULL DEFAULT 0,
            gmv_cents INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (merchant_id, day, product_id));
        """;

    public SqliteDatabase Database { get; } = new(filePath, Schema);

    public Microsoft.Data.Sqlite.SqliteConnection Open() => Database.Open();
}
