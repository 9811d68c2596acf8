-- Identity: wrong passwords are counted by the sign-in throttle (grains sign-in-throttle and sign-in-source, per
-- account name and source, issue #20), never on the account, so nothing reads or writes app_users.failed_sign_ins
-- any more. 0002 no longer creates it; this drops it from databases made before.
ALTER TABLE app_users DROP COLUMN IF EXISTS failed_sign_ins;
