-- Stands for a migration of a later Cairn version, for H2EventLogTest.
CREATE TABLE added_later (x INT);
