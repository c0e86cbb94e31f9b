-- One database per service that owns PostgreSQL data; each service runs its own Flyway
-- migrations in it on start.
CREATE DATABASE murmur_user;
CREATE DATABASE murmur_media;
CREATE DATABASE murmur_notification;
