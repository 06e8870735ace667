-- One database per service (DESIGN.md section 6), as the local launcher creates them. Run once, by the postgres
-- image, when its volume is empty.
create database praxis_auth;
create database praxis_scheduling;
create database praxis_clinical_notes;
create database praxis_lab;
create database praxis_billing;
create database praxis_audit;
create database praxis_storage;
