create schema if not exists publish;
