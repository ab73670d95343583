-- What a request on behalf of a customer is about, in columns of its own so
-- that support staff can search by customer, service and severity. The
-- customer's name is the one in `customers` when the request was filed (the
-- body keeps the name as the widget sent it). Kept identical in sqlite/ and
-- postgres/: adding a nullable column with a reference means the same in both.
ALTER TABLE support_requests ADD COLUMN customer_id TEXT REFERENCES customers (id);
ALTER TABLE support_requests ADD COLUMN customer_name TEXT;
ALTER TABLE support_requests ADD COLUMN service_id TEXT REFERENCES services (id);
ALTER TABLE support_requests ADD COLUMN severity TEXT;
