-- One issuer, one partner: the server knows a token's partner by its
-- issuer. `support-backend partners` checks it before writing, and this
-- index makes the database refuse the second of two commands that would
-- each have given one issuer to a different partner at the same moment.
CREATE UNIQUE INDEX partners_jwt_issuer ON partners ((settings::jsonb ->> 'jwt_issuer'));
