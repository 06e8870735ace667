-- A user may work at one branch of their tenant (Celuma: GET /api/v1/branches/{id}/users). The foreign key on
-- (tenant_id, branch_id) keeps that branch within the user's own tenant; users without a branch are not checked.
alter table branch
    add constraint branch_tenant_id_id_unique unique (tenant_id, id);

alter table app_user
    add column branch_id uuid,
    add constraint app_user_branch_in_tenant foreign key (tenant_id, branch_id) references branch (tenant_id, id);

create index app_user_by_branch on app_user (branch_id, email) where branch_id is not null;
