"""PostgreSQL: community data shared by many fambot processes (asyncpg)."""
