-- Email addresses are stored in Unicode NFC (Emails). Of the addresses stored before, each group that names one
-- address once normalised (per tenant, whatever the case) keeps one account under it: an account already in NFC if
-- there is one, else the oldest, normalised here unless another account of the tenant already holds the normalised
-- address as the unique index sees it (lower() of U+212B, the Ångström sign, is "å"). A look-alike left in its old
-- form (a mistake or an attack) no longer signs in by email (auth-service/README.md). An address that NFC would
-- lengthen past the column stays as it is.
do $$
begin
    if current_setting('server_encoding') <> 'UTF8' then
        return; -- normalize() needs UTF8
    end if;
    update app_user u set email = normalize(u.email, NFC)
    from (select id, row_number() over (partition by tenant_id, lower(normalize(email, NFC))
                                        order by email is nfc normalized desc, created_at, id) as place
          from app_user) ranked
    where ranked.id = u.id and ranked.place = 1
      and u.email is not nfc normalized
      and char_length(normalize(u.email, NFC)) <= 320
      and not exists (select 1 from app_user o
                      where o.tenant_id = u.tenant_id and o.id <> u.id
                        and lower(o.email) = lower(normalize(u.email, NFC)));
    -- A sign-in link works only while the account has the address it was mailed to.
    update magic_link set sent_to = normalize(sent_to, NFC)
    where sent_to is not nfc normalized and char_length(normalize(sent_to, NFC)) <= 320;
end
$$;
