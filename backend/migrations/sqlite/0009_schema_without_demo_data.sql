-- The schema holds no data: the demo catalogue that earlier versions put
-- into every database comes from `support-backend seed-demo` now. Here the
-- demo rows go from a database migrated before, unless a request refers to
-- them (those customers and services stay, so its requests keep their
-- names); a fresh database ends up empty. Rows a partner changed by hand
-- under a demo id are removed too: import them again.

DELETE FROM service_health_texts WHERE item_id IN ('azure-vm-start-china-east-2', 'office365-mail-delivery-delay', 'powerbi-refresh-china-north-3');
DELETE FROM service_health_items WHERE id IN ('azure-vm-start-china-east-2', 'office365-mail-delivery-delay', 'powerbi-refresh-china-north-3');

DELETE FROM article_texts WHERE article_id IN ('azure-vcpu-quota', 'check-service-health', 'custom-domain-dns-records', 'dynamics365-security-roles', 'office365-add-users', 'office365-assign-licenses', 'office365-reset-password', 'powerbi-share-reports', 'read-your-invoice', 'set-up-mfa');
DELETE FROM articles WHERE id IN ('azure-vcpu-quota', 'check-service-health', 'custom-domain-dns-records', 'dynamics365-security-roles', 'office365-add-users', 'office365-assign-licenses', 'office365-reset-password', 'powerbi-share-reports', 'read-your-invoice', 'set-up-mfa');

DELETE FROM customers
WHERE id IN ('beijing-cloud', 'contoso', 'fabrikam', 'fabrikam-espana', 'kaohsiung-it', 'logistica-iberica', 'northwind', 'nunez-asociados', 'shanghai-data', 'shenzhen-ai-vision', 'taichung-green', 'taipei-cloud')
  AND id NOT IN (SELECT customer_id FROM support_requests WHERE customer_id IS NOT NULL);

DELETE FROM services
WHERE id IN ('azure', 'dynamics365', 'office365', 'powerbi')
  AND id NOT IN (SELECT service_id FROM support_requests WHERE service_id IS NOT NULL)
  AND id NOT IN (SELECT service_id FROM service_health_items);
