-- Service health and self-help articles, for `GET /service-health` and
-- `GET /articles`, with the demo data the reference backend ships. Kept
-- identical in sqlite/ and postgres/: this SQL means the same in both.
--
-- Texts live in their own tables, one row per locale (en-US, zh-CN, zh-TW,
-- es-ES). Every item has an en-US text: it is what a locale without a
-- translation falls back to.

-- Incidents and advisories. Only the status decides whether an item is
-- current: every status but 'resolved' is. Timestamps are RFC 3339 UTC text.
CREATE TABLE service_health_items (
    id         TEXT PRIMARY KEY NOT NULL,
    service_id TEXT NOT NULL REFERENCES services (id),
    kind       TEXT NOT NULL CHECK (kind IN ('incident', 'advisory')),
    status     TEXT NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE service_health_texts (
    item_id TEXT NOT NULL REFERENCES service_health_items (id),
    locale  TEXT NOT NULL,
    title   TEXT NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (item_id, locale)
);

-- Self-help articles; `position` is the order they are listed in. Each
-- translation has its own link, to the article in that language.
CREATE TABLE articles (
    id       TEXT    PRIMARY KEY NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE article_texts (
    article_id TEXT NOT NULL REFERENCES articles (id),
    locale     TEXT NOT NULL,
    title      TEXT NOT NULL,
    summary    TEXT NOT NULL,
    url        TEXT NOT NULL CHECK (url LIKE 'https://%'),
    PRIMARY KEY (article_id, locale)
);

-- A current incident for Azure, a current advisory for Office 365, and a
-- resolved incident for Power BI (history: never listed as current).
-- Nothing for Dynamics 365.
INSERT INTO service_health_items (id, service_id, kind, status, started_at, updated_at) VALUES
    ('azure-vm-start-china-east-2', 'azure',     'incident', 'identified', '2026-11-22T01:40:00Z', '2026-11-22T03:15:00Z'),
    ('office365-mail-delivery-delay', 'office365', 'advisory', 'monitoring', '2026-11-21T06:00:00Z', '2026-11-22T02:30:00Z'),
    ('powerbi-refresh-china-north-3', 'powerbi',   'incident', 'resolved',   '2026-11-18T02:00:00Z', '2026-11-18T05:30:00Z');

INSERT INTO service_health_texts (item_id, locale, title, summary) VALUES
    ('azure-vm-start-china-east-2', 'en-US',
     'Virtual machines in China East 2 may fail to start',
     'Since 01:40 UTC, starting or restarting virtual machines in China East 2 may fail or time out for some customers. Virtual machines that are already running are not affected. Engineers have identified the cause and are rolling out a fix.'),
    ('azure-vm-start-china-east-2', 'zh-CN',
     '中国东部 2 区域的虚拟机可能无法启动',
     '自 UTC 时间 01:40 起，部分客户在中国东部 2 区域启动或重启虚拟机时可能失败或超时。正在运行的虚拟机不受影响。工程师已查明原因，正在部署修复程序。'),
    ('azure-vm-start-china-east-2', 'zh-TW',
     '中國東部 2 區域的虛擬機器可能無法啟動',
     '自 UTC 時間 01:40 起，部分客戶在中國東部 2 區域啟動或重新啟動虛擬機器時，可能會失敗或逾時。執行中的虛擬機器不受影響。工程師已找出原因，正在部署修正程式。'),
    ('azure-vm-start-china-east-2', 'es-ES',
     'Es posible que las máquinas virtuales de China Este 2 no se inicien',
     'Desde las 01:40 UTC, el inicio o el reinicio de máquinas virtuales en China Este 2 puede fallar o agotar el tiempo de espera para algunos clientes. Las máquinas virtuales que ya están en ejecución no se ven afectadas. Los ingenieros han identificado la causa y están implementando una corrección.'),
    ('office365-mail-delivery-delay', 'en-US',
     'Email delivery delayed for some users',
     'Some users may receive messages in their Exchange Online mailboxes up to 30 minutes late. No messages are lost. We have rebalanced mail flow and are monitoring delivery times.'),
    ('office365-mail-delivery-delay', 'zh-CN',
     '部分用户的电子邮件送达延迟',
     '部分用户的 Exchange Online 邮箱收到邮件的时间可能延迟最多 30 分钟。邮件不会丢失。我们已重新平衡邮件流，正在持续监控送达时间。'),
    ('office365-mail-delivery-delay', 'zh-TW',
     '部分使用者的電子郵件傳遞延遲',
     '部分使用者的 Exchange Online 信箱可能會延遲最多 30 分鐘才收到郵件。郵件不會遺失。我們已重新平衡郵件流程，並持續監控傳遞時間。'),
    ('office365-mail-delivery-delay', 'es-ES',
     'Retraso en la entrega de correo para algunos usuarios',
     'Algunos usuarios pueden recibir los mensajes en sus buzones de Exchange Online con hasta 30 minutos de retraso. No se pierde ningún mensaje. Hemos reequilibrado el flujo de correo y estamos supervisando los tiempos de entrega.'),
    ('powerbi-refresh-china-north-3', 'en-US',
     'Scheduled refresh failed for some datasets',
     'Between 02:00 and 05:30 UTC, scheduled refreshes of some datasets in China North 3 failed. The issue is resolved, and the failed refreshes ran again automatically.'),
    ('powerbi-refresh-china-north-3', 'zh-CN',
     '部分数据集的计划刷新失败',
     'UTC 时间 02:00 至 05:30 期间，中国北部 3 区域部分数据集的计划刷新失败。问题已解决，失败的刷新已自动重新运行。'),
    ('powerbi-refresh-china-north-3', 'zh-TW',
     '部分資料集的排程重新整理失敗',
     'UTC 時間 02:00 至 05:30 期間，中國北部 3 區域部分資料集的排程重新整理失敗。問題已解決，失敗的重新整理已自動重新執行。'),
    ('powerbi-refresh-china-north-3', 'es-ES',
     'Error en la actualización programada de algunos conjuntos de datos',
     'Entre las 02:00 y las 05:30 UTC, fallaron las actualizaciones programadas de algunos conjuntos de datos en China Norte 3. El problema está resuelto y las actualizaciones fallidas se volvieron a ejecutar automáticamente.');

-- Ten articles; two are in English only, so other locales fall back to it.
INSERT INTO articles (id, position) VALUES
    ('office365-reset-password',   1),
    ('check-service-health',       2),
    ('office365-add-users',        3),
    ('office365-assign-licenses',  4),
    ('set-up-mfa',                 5),
    ('custom-domain-dns-records',  6),
    ('azure-vcpu-quota',           7),
    ('powerbi-share-reports',      8),
    ('dynamics365-security-roles', 9),
    ('read-your-invoice',          10);

INSERT INTO article_texts (article_id, locale, title, summary, url) VALUES
    ('office365-reset-password', 'en-US',
     'Reset a user''s password in the Office 365 admin center',
     'As an admin, reset the password of a user who forgot it or is locked out, and choose whether they must change it at next sign-in.',
     'https://docs.microsoft.com/en-us/microsoft-365/admin/add-users/reset-passwords'),
    ('office365-reset-password', 'zh-CN',
     '在 Office 365 管理中心重置用户密码',
     '管理员可以为忘记密码或被锁定的用户重置密码，并选择是否要求其在下次登录时更改密码。',
     'https://docs.microsoft.com/zh-cn/microsoft-365/admin/add-users/reset-passwords'),
    ('office365-reset-password', 'zh-TW',
     '在 Office 365 系統管理中心重設使用者密碼',
     '系統管理員可以為忘記密碼或遭到鎖定的使用者重設密碼，並選擇是否要求對方在下次登入時變更密碼。',
     'https://docs.microsoft.com/zh-tw/microsoft-365/admin/add-users/reset-passwords'),
    ('office365-reset-password', 'es-ES',
     'Restablecer la contraseña de un usuario en el centro de administración de Office 365',
     'Como administrador, restablezca la contraseña de un usuario que la ha olvidado o se ha quedado bloqueado, y elija si debe cambiarla la próxima vez que inicie sesión.',
     'https://docs.microsoft.com/es-es/microsoft-365/admin/add-users/reset-passwords'),

    ('check-service-health', 'en-US',
     'Check service health',
     'See current incidents and advisories for the services operated by 21Vianet before you troubleshoot or open a support request.',
     'https://docs.microsoft.com/en-us/partner-center/check-service-health'),
    ('check-service-health', 'zh-CN',
     '检查服务运行状况',
     '在排查问题或提交支持请求之前，先查看由世纪互联运营的各项服务当前的事件和公告。',
     'https://docs.microsoft.com/zh-cn/partner-center/check-service-health'),
    ('check-service-health', 'zh-TW',
     '檢查服務健康狀態',
     '在進行疑難排解或提交支援要求之前，請先查看由 21Vianet 營運的各項服務目前的事件與公告。',
     'https://docs.microsoft.com/zh-tw/partner-center/check-service-health'),
    ('check-service-health', 'es-ES',
     'Comprobar el estado del servicio',
     'Consulte los incidentes y avisos actuales de los servicios operados por 21Vianet antes de solucionar un problema o abrir una solicitud de soporte.',
     'https://docs.microsoft.com/es-es/partner-center/check-service-health'),

    ('office365-add-users', 'en-US',
     'Add users in the Office 365 admin center',
     'Create accounts for new users one at a time or in bulk, and give them the licenses they need.',
     'https://docs.microsoft.com/en-us/microsoft-365/admin/add-users/add-users'),
    ('office365-add-users', 'zh-CN',
     '在 Office 365 管理中心添加用户',
     '逐个或批量为新用户创建帐户，并为其分配所需的许可证。',
     'https://docs.microsoft.com/zh-cn/microsoft-365/admin/add-users/add-users'),
    ('office365-add-users', 'zh-TW',
     '在 Office 365 系統管理中心新增使用者',
     '逐一或大量為新使用者建立帳戶，並指派所需的授權。',
     'https://docs.microsoft.com/zh-tw/microsoft-365/admin/add-users/add-users'),
    ('office365-add-users', 'es-ES',
     'Agregar usuarios en el centro de administración de Office 365',
     'Cree cuentas para nuevos usuarios de una en una o de forma masiva y asígneles las licencias que necesiten.',
     'https://docs.microsoft.com/es-es/microsoft-365/admin/add-users/add-users'),

    ('office365-assign-licenses', 'en-US',
     'Assign licenses to users',
     'Give users access to Office 365 apps and services by assigning licenses, and free up licenses that are no longer used.',
     'https://docs.microsoft.com/en-us/microsoft-365/admin/manage/assign-licenses-to-users'),
    ('office365-assign-licenses', 'zh-CN',
     '为用户分配许可证',
     '通过分配许可证让用户使用 Office 365 应用和服务，并释放不再使用的许可证。',
     'https://docs.microsoft.com/zh-cn/microsoft-365/admin/manage/assign-licenses-to-users'),
    ('office365-assign-licenses', 'zh-TW',
     '將授權指派給使用者',
     '指派授權讓使用者能使用 Office 365 應用程式與服務，並釋出不再使用的授權。',
     'https://docs.microsoft.com/zh-tw/microsoft-365/admin/manage/assign-licenses-to-users'),
    ('office365-assign-licenses', 'es-ES',
     'Asignar licencias a usuarios',
     'Dé acceso a los usuarios a las aplicaciones y servicios de Office 365 asignándoles licencias, y libere las que ya no se usen.',
     'https://docs.microsoft.com/es-es/microsoft-365/admin/manage/assign-licenses-to-users'),

    ('set-up-mfa', 'en-US',
     'Set up multi-factor authentication',
     'Require a second sign-in step, such as a code on the phone, for every user of your organization.',
     'https://docs.microsoft.com/en-us/microsoft-365/admin/security-and-compliance/set-up-multi-factor-authentication'),
    ('set-up-mfa', 'zh-CN',
     '设置多重身份验证',
     '要求组织中的每位用户在登录时完成第二步验证，例如输入手机上的验证码。',
     'https://docs.microsoft.com/zh-cn/microsoft-365/admin/security-and-compliance/set-up-multi-factor-authentication'),
    ('set-up-mfa', 'zh-TW',
     '設定多重要素驗證',
     '要求組織中的每位使用者在登入時完成第二個驗證步驟，例如輸入手機上的驗證碼。',
     'https://docs.microsoft.com/zh-tw/microsoft-365/admin/security-and-compliance/set-up-multi-factor-authentication'),
    ('set-up-mfa', 'es-ES',
     'Configurar la autenticación multifactor',
     'Exija un segundo paso al iniciar sesión, como un código en el teléfono, a todos los usuarios de su organización.',
     'https://docs.microsoft.com/es-es/microsoft-365/admin/security-and-compliance/set-up-multi-factor-authentication'),

    ('custom-domain-dns-records', 'en-US',
     'Add DNS records to connect a custom domain',
     'Create the MX, CNAME and TXT records at your DNS hosting provider so that email and sign-in work with your own domain.',
     'https://docs.microsoft.com/en-us/microsoft-365/admin/get-help-with-domains/create-dns-records-at-any-dns-hosting-provider'),
    ('custom-domain-dns-records', 'zh-CN',
     '添加 DNS 记录以连接自定义域',
     '在 DNS 托管服务商处创建 MX、CNAME 和 TXT 记录，使电子邮件和登录可以使用你自己的域。',
     'https://docs.microsoft.com/zh-cn/microsoft-365/admin/get-help-with-domains/create-dns-records-at-any-dns-hosting-provider'),
    ('custom-domain-dns-records', 'zh-TW',
     '新增 DNS 記錄以連接自訂網域',
     '在 DNS 代管服務提供者建立 MX、CNAME 和 TXT 記錄，讓電子郵件和登入能使用您自己的網域。',
     'https://docs.microsoft.com/zh-tw/microsoft-365/admin/get-help-with-domains/create-dns-records-at-any-dns-hosting-provider'),
    ('custom-domain-dns-records', 'es-ES',
     'Agregar registros DNS para conectar un dominio personalizado',
     'Cree los registros MX, CNAME y TXT en su proveedor de hospedaje DNS para que el correo y el inicio de sesión funcionen con su propio dominio.',
     'https://docs.microsoft.com/es-es/microsoft-365/admin/get-help-with-domains/create-dns-records-at-any-dns-hosting-provider'),

    ('azure-vcpu-quota', 'en-US',
     'Increase the vCPU quota of an Azure subscription',
     'Check how many vCPUs a subscription may use in each region and request more in the Azure portal before a deployment fails.',
     'https://docs.azure.cn/en-us/azure-portal/supportability/per-vm-quota-requests'),

    ('powerbi-share-reports', 'en-US',
     'Share Power BI reports and dashboards',
     'Share reports and dashboards with colleagues inside your organization, and choose whether they may reshare them.',
     'https://docs.microsoft.com/en-us/power-bi/collaborate-share/service-share-dashboards'),
    ('powerbi-share-reports', 'zh-CN',
     '共享 Power BI 报表和仪表板',
     '与组织内的同事共享报表和仪表板，并选择他们能否再次共享。',
     'https://docs.microsoft.com/zh-cn/power-bi/collaborate-share/service-share-dashboards'),
    ('powerbi-share-reports', 'zh-TW',
     '共用 Power BI 報表和儀表板',
     '與組織內的同事共用報表和儀表板，並選擇對方能否再次共用。',
     'https://docs.microsoft.com/zh-tw/power-bi/collaborate-share/service-share-dashboards'),
    ('powerbi-share-reports', 'es-ES',
     'Compartir informes y paneles de Power BI',
     'Comparta informes y paneles con compañeros de su organización y elija si pueden volver a compartirlos.',
     'https://docs.microsoft.com/es-es/power-bi/collaborate-share/service-share-dashboards'),

    ('dynamics365-security-roles', 'en-US',
     'Assign security roles in Dynamics 365',
     'Control what each user can see and do in Dynamics 365 by assigning security roles to users and teams.',
     'https://docs.microsoft.com/en-us/power-platform/admin/assign-security-roles'),

    ('read-your-invoice', 'en-US',
     'Billing: read your invoice',
     'Understand each section of your monthly invoice: charges per customer and subscription, credits, taxes and the amount due.',
     'https://docs.microsoft.com/en-us/partner-center/read-your-invoice'),
    ('read-your-invoice', 'zh-CN',
     '账单：阅读发票',
     '了解每月发票的各个部分：按客户和订阅列出的费用、抵免额、税费和应付金额。',
     'https://docs.microsoft.com/zh-cn/partner-center/read-your-invoice'),
    ('read-your-invoice', 'zh-TW',
     '帳單：閱讀您的發票',
     '了解每月發票的各個部分：依客戶和訂用帳戶列出的費用、點數、稅金和應付金額。',
     'https://docs.microsoft.com/zh-tw/partner-center/read-your-invoice'),
    ('read-your-invoice', 'es-ES',
     'Facturación: leer la factura',
     'Entienda cada sección de su factura mensual: cargos por cliente y suscripción, créditos, impuestos e importe pendiente.',
     'https://docs.microsoft.com/es-es/partner-center/read-your-invoice');
