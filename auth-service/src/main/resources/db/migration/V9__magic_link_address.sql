-- The address a link was mailed to: it signs in only while the account still has that address (a link requested
-- while the email was being changed would otherwise outlive the change). Null for links issued before this column.
alter table magic_link add column sent_to varchar(320);
