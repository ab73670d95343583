-- Customers and services, with the demo data the reference backend ships.
-- Kept identical in sqlite/ and postgres/: this SQL means the same in both.

-- The signed-in partner's customers, for `GET /customers`. The reference
-- backend serves one partner, so the table has no partner column; a portal
-- fills it from Partner Center. Demo data: names in the four languages of
-- the widget, domains as 21Vianet gives them.
CREATE TABLE customers (
    id     TEXT PRIMARY KEY NOT NULL,
    name   TEXT NOT NULL,
    domain TEXT NOT NULL
);

-- The services a request can be about, for `GET /services`, each with the
-- admin center where the customer's admins manage it. `position` is the
-- order the widget lists them in.
CREATE TABLE services (
    id               TEXT    PRIMARY KEY NOT NULL,
    name             TEXT    NOT NULL,
    admin_center_url TEXT    NOT NULL,
    position         INTEGER NOT NULL
);

INSERT INTO customers (id, name, domain) VALUES
    ('beijing-cloud',        '北京云计算有限公司',           'beijingcloud.partner.onmschina.cn'),
    ('shanghai-data',        '上海数据科技有限公司',         'shanghaidata.partner.onmschina.cn'),
    -- Chinese company names often carry full-width Latin letters.
    ('shenzhen-ai-vision',   '深圳ＡＩ视觉科技有限公司',     'szaivision.partner.onmschina.cn'),
    ('taipei-cloud',         '台北雲端服務股份有限公司',     'taipeicloud.partner.onmschina.cn'),
    ('kaohsiung-it',         '高雄資訊科技有限公司',         'kaohsiungit.partner.onmschina.cn'),
    ('taichung-green',       '臺中綠能科技股份有限公司',     'taichunggreen.partner.onmschina.cn'),
    ('nunez-asociados',      'Núñez y Asociados S.L.',       'nunezasociados.partner.onmschina.cn'),
    ('fabrikam-espana',      'Fabrikam España S.A.',         'fabrikamespana.partner.onmschina.cn'),
    ('logistica-iberica',    'Compañía Logística Ibérica S.A.', 'logisticaiberica.partner.onmschina.cn'),
    ('contoso',              'Contoso Ltd',                  'contoso.partner.onmschina.cn'),
    ('fabrikam',             'Fabrikam Inc',                 'fabrikam.partner.onmschina.cn'),
    ('northwind',            'Northwind Traders',            'northwind.partner.onmschina.cn');

INSERT INTO services (id, name, admin_center_url, position) VALUES
    ('office365',   'Office 365',   'https://portal.partner.microsoftonline.cn/AdminPortal', 1),
    ('azure',       'Azure',        'https://portal.azure.cn/',                             2),
    ('dynamics365', 'Dynamics 365', 'https://portal.crm.dynamics.cn/',                      3),
    ('powerbi',     'Power BI',     'https://app.powerbi.cn/admin-portal',                  4);
