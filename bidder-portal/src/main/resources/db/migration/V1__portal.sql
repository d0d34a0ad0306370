-- Per-user display settings of the portal (time zone of the countdowns, default page).
create table user_setting (
    subject      varchar(255) not null,
    name         varchar(64)  not null,
    value        varchar(255) not null,
    updated_at   timestamptz  not null,
    primary key (subject, name)
);
