-- Per-account lockout: failures counted in a window; reaching the limit locks the account until locked_until.
alter table app_user
    add column failed_logins        integer not null default 0,
    add column failure_window_start timestamptz,
    add column locked_until         timestamptz;
