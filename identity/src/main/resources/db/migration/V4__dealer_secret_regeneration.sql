-- A dealer's secret is regenerated with four eyes, like onboarding: one desk officer requests it,
-- another approves and is shown the new secret once. The pending request and the last
-- regeneration are kept here (never the secret).
alter table dealer add column secret_requested_by   varchar(255);
alter table dealer add column secret_requested_at   timestamptz;
alter table dealer add column secret_regenerated_by varchar(255);
alter table dealer add column secret_regenerated_at timestamptz;
