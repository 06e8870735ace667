-- Email addresses are stored in Unicode NFC (Emails). Rows stored before are normalised, except a row whose
-- normalised address another account of its tenant already has, or would have too: it stays as it was registered, so
-- no two accounts of a tenant ever end up sharing an address (such a look-alike pair was a mistake or an attack; the
-- one left no longer signs in by email; by username it does, and can then change its address).
do $$
begin
    if current_setting('server_encoding') <> 'UTF8' then
        return; -- normalize() needs UTF8; such a database holds no address that NFC would change
    end if;
    update app_user u set email = normalize(u.email, NFC)
    where u.email is not nfc normalized
      and not exists (select 1 from app_user o
                      where o.tenant_id = u.tenant_id and o.id <> u.id
                        and lower(normalize(o.email, NFC)) = lower(normalize(u.email, NFC)));
end
$$;
