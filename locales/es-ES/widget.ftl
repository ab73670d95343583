# The support widget's messages. en-US is the source locale: every other
# locale has exactly these IDs and variables.
# The key terms are in ../GLOSSARY.md: "escalate" is "remitir (a 21Vianet)",
# as seed 004 writes it; escalation support is "soporte técnico de escalación".

## The widget's frame

widget-title = Soporte
widget-subtitle = Centro de partners operado por 21Vianet
widget-subtitle-customer = Ofrecido por su partner
widget-language-label = Idioma
# Each language is named in its own language, the same in every locale.
language-en-us = English
language-zh-cn = 简体中文
language-zh-tw = 繁體中文
language-es-es = Español
messages-unavailable = No se han podido cargar los textos de la interfaz ({ $language }). Compruebe la conexión e inténtelo de nuevo.

## Launcher mode: the floating button and the panel it opens

launcher-open = Ayuda y soporte
launcher-close = Cerrar
launcher-open-unread = Ayuda y soporte, { $count } sin leer
# Shown by the loader, without the widget, when the widget cannot load.
widget-unavailable = No se ha podido cargar la ayuda. Compruebe la conexión e inténtelo de nuevo.

## Moving between screens

nav-back = Atrás
nav-start-again = Volver al inicio

## Home: what the partner needs help with

home-heading = ¿En qué podemos ayudarle?
home-partner-center-title = Un problema con el Centro de partners
home-partner-center-text = Notifique un problema que tenga con el propio Centro de partners: técnico, de facturación o de administración de clientes y suscripciones.
home-customer-title = Un problema de uno de sus clientes
home-customer-text = Busque el cliente, pruebe en su centro de administración y, si el cliente sigue necesitando ayuda, compruebe el estado del servicio y remita el problema a 21Vianet en su nombre.
home-escalation-title = Antes de remitir un problema a 21Vianet
home-escalation-text = Compruebe primero el estado del servicio y, después, intente solucionar el problema con privilegios de administrador. 21Vianet solo atiende la remisión de problemas que usted no pueda resolver razonablemente por su cuenta.

## Problems with how the host page set the widget up

config-error-title = No se pueden enviar solicitudes de soporte técnico desde esta página
config-error-backend-missing = Esta página no indica adónde enviar las solicitudes de soporte técnico (falta el atributo backend). Comuníqueselo al administrador del sitio.
# Variables:
#   $value (String) - the backend attribute exactly as the page set it
config-error-backend-invalid = La dirección que esta página indica para las solicitudes de soporte técnico, «{ $value }», no es una dirección web que empiece por https:// o http://. Comuníqueselo al administrador del sitio.
config-error-backend-credentials = La dirección de esta página para las solicitudes de soporte técnico contiene un nombre de usuario o una contraseña, que nunca deben formar parte de una página web. Comuníqueselo al administrador del sitio.

## Partner Center request

pc-heading = Nueva solicitud del Centro de partners
# Above the confirmation, once the request is filed.
pc-heading-filed = Solicitud del Centro de partners
pc-intro = Notifique un problema que tenga con el propio Centro de partners. Un representante de soporte técnico de 21Vianet se pondrá en contacto con usted directamente.
pc-category-legend = ¿Con qué está relacionado el problema?
pc-category-technical = Técnico
pc-category-billing = Facturación
pc-category-customer-subscription-management = Administración de clientes y suscripciones

## Customer search

customer-search-heading = ¿Qué cliente necesita ayuda?
customer-search-label = Nombre o dominio del cliente
customer-search-hint = Escriba parte del nombre o del dominio del cliente; por ejemplo, «contoso».
customer-search-loading = Buscando…
# Variables:
#   $query (String) - what the partner typed
customer-search-empty = Ningún cliente coincide con «{ $query }». Revise la ortografía o busque por dominio.
customer-search-failed = No se han podido cargar los clientes.
# Variables:
#   $count (Number) - how many customers match
customer-search-found = { $count ->
    [one] Se ha encontrado un cliente.
   *[other] Se han encontrado { $count } clientes.
}
# Variables:
#   $count (Number) - how many customers are listed (the most a search lists)
customer-search-first = Se muestran los { $count } primeros clientes. Siga escribiendo el nombre o el dominio para acotar la lista.
customer-search-keys = Use las flechas arriba y abajo para elegir.
load-error-unauthorized = El servicio de soporte no ha aceptado su inicio de sesión (error { $status }). Vuelva a cargar la página o inicie sesión de nuevo y vuelva a intentarlo.
load-error-forbidden = El servicio de soporte ha aceptado su inicio de sesión, pero no le permite ver esta información (error { $status }). Pida al administrador del sitio que revise sus permisos.
# Variables:
#   $what (String) - what could not be loaded: a sentence such as service-failed
load-failed-network = { $what } No se ha podido conectar con el servicio de soporte: compruebe la conexión o inténtelo de nuevo dentro de unos instantes.
# Variables:
#   $what (String) - what could not be loaded: a sentence such as service-failed
load-failed-service = { $what } El servicio de soporte ha tenido un problema al responder. Inténtelo de nuevo dentro de unos instantes.
# Variables:
#   $what (String) - what could not be loaded: a sentence such as service-failed
#   $status (Number) - 404 or 405
load-failed-not-found = { $what } No se ha encontrado el servicio de soporte en la dirección que esta página indica para las solicitudes de soporte técnico (error { $status }). Comuníqueselo al administrador del sitio.
load-retry = Volver a intentarlo

## Service choice

# Variables:
#   $customer (String) - the customer's name
service-heading = ¿Con qué servicio necesita ayuda { $customer }?
service-loading = Cargando servicios…
service-failed = No se han podido cargar los servicios.
service-empty = No hay servicios entre los que elegir. Comuníqueselo al administrador del sitio.
service-suggested = Sugerido

## Self-help in the customer's admin center

self-help-heading = Pruebe primero el centro de administración
# Variables:
#   $customer (String) - the customer's name
#   $service (String) - the service's name, such as Office 365
self-help-text = Es posible que pueda resolver el problema de { $customer } en el centro de administración de { $service } o explicar al cliente cómo resolverlo por su cuenta.
# Variables:
#   $service (String) - the service's name, such as Office 365
self-help-open = Abrir el centro de administración de { $service }
self-help-new-tab = (se abre en una pestaña nueva)
self-help-question = ¿Se ha resuelto el problema?
self-help-solved = Sí, está resuelto
self-help-still-needs-help = No, el cliente sigue necesitando ayuda

solved-heading = Nos alegra que se haya resuelto
solved-text = No se ha enviado nada. Si el problema vuelve a aparecer, puede enviar una solicitud en cualquier momento.

## Service request for a customer

cr-heading = Nueva solicitud de servicio
# Above the confirmation, once the request is filed.
cr-heading-filed = Solicitud de servicio
cr-intro = Rellene los datos de la solicitud. Un representante de soporte técnico de 21Vianet se pondrá en contacto con usted directamente.
cr-customer-label = Cliente
cr-service-label = Servicio
severity-legend = ¿Cuál es la gravedad del problema?
severity-critical = Crítica
severity-critical-hint = El servicio no funciona o no se puede usar, y el negocio del cliente se ve gravemente afectado.
severity-moderate = Moderada
severity-moderate-hint = El cliente puede seguir trabajando, aunque con dificultades.
severity-minimal = Mínima
severity-minimal-hint = Una consulta o un problema que apenas afecta al negocio del cliente.

## Form fields shared by the request forms

field-title-label = Resumen
field-title-hint = Una sola línea; por ejemplo, «No puedo descargar la factura de octubre».
field-title-hint-service = Una sola línea; por ejemplo, «No puedo iniciar sesión en Outlook».
field-description-label = Descripción
field-description-hint = Qué ha ocurrido, qué esperaba que ocurriera y cualquier mensaje de error que haya visto.
# Variables:
#   $count (Number) - how many more characters the field takes
field-characters-left = { $count ->
    [one] Le queda { $count } carácter
   *[other] Le quedan { $count } caracteres
}
# Variables:
#   $count (Number) - how many characters the text has beyond the limit
field-characters-over = { $count ->
    [one] Le sobra { $count } carácter
   *[other] Le sobran { $count } caracteres
}
field-contact-name-label = Su nombre
field-contact-email-label = Dirección de correo electrónico
field-contact-phone-label = Número de teléfono (opcional)
field-contact-language-label = Idioma de contacto preferido
# The contact form (a customer writing to its partner): the service the problem is with, chosen from the backend's list; optional.
field-service-label = Servicio (opcional)
field-service-hint = El servicio con el que tiene el problema, si lo sabe.
# The first choice of field-service-label: no service named.
field-service-not-sure = No lo sé
field-contact-heading = ¿Cómo podemos ponernos en contacto con usted?
# In place of the name and email fields, when the portal has signed the
# user in: whom the request goes from.
# Variables:
#   $name (String) - the user's name, as the portal's sign-in gives it
#   $email (String) - the user's email address, as the portal's sign-in gives it
field-contact-sending-as = Se enviará como { $name } ({ $email })

## Validation, shown in the error summary and at the field

error-summary-title = Hay un problema
error-required-category = Seleccione con qué está relacionado el problema
error-required-title = Introduzca un resumen del problema
error-required-description = Describa el problema
error-required-contact-name = Introduzca su nombre
error-required-contact-email = Introduzca su dirección de correo electrónico
error-required-severity = Seleccione la gravedad del problema
error-required-reply = Escriba su respuesta
# Variables:
#   $field (String) - the label of the field, as shown above it
#   $max (Number) - the largest number of characters the field takes
error-too-long = El campo «{ $field }» no puede tener más de { $max } caracteres
error-too-long-description = El campo «{ $field }» no puede tener más de { $max } caracteres. Envíe los registros o textos largos como archivos adjuntos
# Variables:
#   $field (String) - the label of the field, as shown above it
error-control-characters = El campo «{ $field }» contiene caracteres de control invisibles que no se pueden enviar. Elimínelos e inténtelo de nuevo
error-invalid-email = Introduzca una dirección de correo electrónico con un formato válido, como nombre@example.com
error-invalid-phone = Introduzca un número de teléfono de entre 5 y 20 dígitos, como +86 10 5555 0100
# Variables:
#   $field (String) - the label of the field, as shown above it
error-invalid-value = El valor del campo «{ $field }» no está permitido. Elija otro
# Variables:
#   $field (String) - the label of the field, as shown above it
error-not-accepted = El servicio de soporte no ha aceptado el valor del campo «{ $field }». Revíselo e inténtelo de nuevo
# The customer or service chosen before the form is no longer known to the support service.
error-customer-unknown = El servicio de soporte ya no reconoce a este cliente. Vuelva atrás y elija el cliente de nuevo
error-service-unknown = El servicio de soporte ya no reconoce este servicio. Vuelva atrás y elija el servicio de nuevo
# The service the contact form's select offered is no longer known to the support service.
error-service-not-offered = El servicio de soporte ya no reconoce este servicio. Elija otro o «No lo sé»
# An error about a part of the request that the form doesn't show.
error-request-not-accepted = El servicio de soporte no ha aceptado esta solicitud. Inténtelo de nuevo y, si vuelve a ocurrir, póngase en contacto con el equipo de soporte del portal
error-sent-before-changes = Un intento anterior de enviar esta solicitud, antes de sus últimos cambios, llegó al servicio de soporte y es posible que ya se haya registrado tal como estaba. Si la vuelve a enviar, se registrará como una solicitud nueva, tal como está ahora.

## Submitting

submit-button = Enviar
submit-pending = Enviando su solicitud…
submit-slow = El servicio de soporte está tardando más de lo habitual en responder. Su solicitud sigue en camino y se conserva todo lo que ha escrito.
submit-waiting = Esperando para enviar…
submit-error-network = No se ha podido conectar con el servicio de soporte. Compruebe la conexión o inténtelo de nuevo dentro de unos instantes: puede que el servicio no esté disponible temporalmente.
# Variables:
#   $status (Number) - the HTTP status code the service answered with
submit-error-server = El servicio de soporte ha tenido un problema (error { $status }). Inténtelo de nuevo dentro de unos instantes.
# Variables:
#   $status (Number) - the HTTP status code (429 or 503, usually)
#   $minutes (Number) - how long the service asked to wait, in minutes (2 to 119)
submit-error-wait-minutes = El servicio de soporte ha pedido esperar { $minutes } minutos antes de volver a enviar (error { $status }). Vuelva a intentarlo pasado ese tiempo.
# Variables:
#   $status (Number) - the HTTP status code (429 or 503, usually)
#   $hours (Number) - how long the service asked to wait, in hours (2 to 47)
submit-error-wait-hours = El servicio de soporte ha pedido esperar { $hours } horas antes de volver a enviar (error { $status }). Vuelva a intentarlo pasado ese tiempo.
# Variables:
#   $status (Number) - the HTTP status code (429 or 503, usually)
#   $days (Number) - how long the service asked to wait, in days (2 to 30)
submit-error-wait-days = El servicio de soporte ha pedido esperar { $days } días antes de volver a enviar (error { $status }). Vuelva a intentarlo pasado ese tiempo.
# Variables:
#   $status (Number) - the HTTP status code (429 or 503, usually)
# Said when the service asked to wait more than 30 days.
submit-error-wait-longer = El servicio de soporte ha pedido esperar más de un mes antes de volver a enviar (error { $status }). Vuelva a intentarlo pasado ese tiempo.
# Variables:
#   $status (Number) - 401: the backend refused the page's sign-in
submit-error-unauthorized = El servicio de soporte no ha aceptado su inicio de sesión (error { $status }). Vuelva a cargar la página o inicie sesión de nuevo y vuelva a intentarlo.
# Variables:
#   $status (Number) - 403: the sign-in was accepted, but its role may not do this
submit-error-forbidden = El servicio de soporte ha aceptado su inicio de sesión, pero no le permite hacer esto (error { $status }). Pida al administrador del sitio que revise sus permisos.
# Variables:
#   $status (Number) - 404 or 405
submit-error-not-found = No se ha encontrado el servicio de soporte en la dirección que esta página indica para las solicitudes de soporte técnico (error { $status }), así que la solicitud no se puede enviar desde aquí. Comuníqueselo al administrador del sitio.
submit-error-request-gone = El servicio de soporte ya no encuentra esta solicitud: puede que se haya eliminado o que ya no tenga acceso a ella.
submit-error-unreadable = El servicio de soporte ha respondido, pero no se ha podido leer su respuesta, por lo que no hay ninguna referencia que mostrar. Es posible que la solicitud ya se haya registrado: vuelva a intentarlo dentro de unos instantes; si no cambia nada, no se registrará dos veces.
submit-error-too-large = La solicitud es demasiado grande para enviarla. Acorte la descripción e inténtelo de nuevo.
submit-kept = { $reason } Todo lo que ha escrito se conserva.
reply-error-unreadable = El servicio de soporte ha contestado, pero no se ha podido leer la contestación, así que su respuesta no aparece aquí. Puede que ya se haya guardado: envíela de nuevo y, si no la cambia, no se guardará dos veces.
status-error-unreadable = El servicio de soporte ha contestado, pero no se ha podido leer la contestación: puede que la solicitud ya esté marcada como resuelta. Compruebe su estado antes de volver a intentarlo.
submit-retry = Volver a intentarlo

## Confirmation

confirm-heading = Solicitud enviada
# Variables:
#   $reference (String) - the request's reference, such as SR-000042
confirm-reference = La referencia de su solicitud es { $reference }.
# What screen readers hear of a request filed while the user was on the page.
# Variables:
#   $reference (String) - the request's reference, such as SR-000042
confirm-announcement = Solicitud enviada. La referencia de su solicitud es { $reference }.
confirm-next = Un representante de soporte técnico de 21Vianet se pondrá en contacto con usted directamente. Tenga a mano la referencia para entonces.
confirm-new-request = Enviar otra solicitud

## Drafts, retries and offline

draft-restored = Hemos recuperado lo que escribió aquí la última vez. Se conserva en este navegador hasta que envíe la solicitud.
draft-discard = Descartar borrador
draft-discarded = Se ha descartado el borrador.
draft-undo = Deshacer
# Variables:
#   $customer (String) - the customer's name
#   $service (String) - the service's name
draft-typed-for = Lo que hay escrito aquí era para { $customer } ({ $service }). Compruebe que sirve para este cliente y servicio, o descártelo.
notice-hide = Ocultar este mensaje
drafts-off = Los borradores están desactivados: este navegador no permite que el widget conserve lo que escribe. Envíe la solicitud antes de salir de la página.
# Variables:
#   $seconds (Number) - seconds until the widget sends the request again
submit-retrying-unreached = No se ha podido conectar con el servicio de soporte. Se volverá a intentar dentro de { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }… Todo lo que ha escrito se conserva.
# Variables:
#   $seconds (Number) - seconds until the widget sends the request again
#   $status (Number) - the HTTP status code the service answered with (503, 429 or 500, usually)
submit-retrying-busy = El servicio de soporte no ha podido atender la solicitud en este momento (error { $status }). Se volverá a intentar dentro de { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }… Todo lo que ha escrito se conserva.
submit-retrying-unreached-announced = No se ha podido conectar con el servicio de soporte. Se volverá a intentar en breve… Todo lo que ha escrito se conserva.
submit-retrying-busy-announced = El servicio de soporte no ha podido atender la solicitud en este momento. Se volverá a intentar en breve… Todo lo que ha escrito se conserva.
submit-retry-now = Reintentar ahora
submit-retry-stop = Detener
submit-offline = No tiene conexión. La solicitud se enviará cuando se recupere la conexión.
# While a request waits for the portal to sign the user in again (their
# sign-in expired or was refused); it is sent once they have.
submit-session-ended = Su sesión ha finalizado: inicie sesión de nuevo y, después, envíe la solicitud.

## Escalation guidance: the rules (seeds 002 and 003)

escalation-reason-undocumented = Un problema no documentado: el servicio no funciona como indica la descripción del servicio
escalation-reason-unavailable = El servicio no está disponible
escalation-reason-bug = Un error u otra irregularidad en el aspecto o el funcionamiento del servicio
escalation-reason-network = Una interrupción de red a gran escala
escalation-reason-regional = Un problema regional que afecta a varios inquilinos
escalation-reason-lacks-means = Ninguno de los cinco: no tenemos la formación, la documentación ni las herramientas de soporte técnico necesarias para resolverlo
partner-duty-account-set-up = Configuración de cuentas
partner-duty-accounts-and-billing = Cuentas y facturación
partner-duty-how-to = Artículos de procedimientos y preguntas frecuentes
partner-duty-updates = Actualizaciones de servicios y software
partner-duty-software-configuration = Configuración de software
partner-duty-client-connectivity = Conectividad y escritorio de los equipos cliente
partner-duty-performance-availability = Problemas de rendimiento y disponibilidad del servicio dentro de su ámbito de control
troubleshoot-software = Software: las aplicaciones y los programas cliente que usa el cliente
troubleshoot-settings = Ajustes: los ajustes del servicio del cliente, revisados con privilegios de administrador
troubleshoot-configuration = Configuración: dominios, usuarios, licencias y directivas

## Escalation guide (seeds 002 and 003)
home-filed = Solicitudes de soporte técnico
# Variables:
#   $customer (String) - the customer's name
#   $service (String) - the service's name
home-resume = Continuar la solicitud sin enviar para { $customer } ({ $service })
home-unsent-draft = Borrador sin enviar
list-unsent-reply = Respuesta sin enviar
list-unread = Novedades
health-kind-incident = Incidente
health-kind-advisory = Aviso
health-status-investigating = En investigación
health-status-identified = Causa identificada
health-status-monitoring = Supervisando la corrección
health-status-resolved = Resuelto
health-started = Comenzó el { $time }
health-started-updated = Comenzó el { $started } · Actualizado el { $updated }
health-loading = Cargando el estado del servicio…
health-failed = No se ha podido cargar el estado del servicio.
guide-health-heading = Compruebe primero el estado del servicio
# Variables:
#   $service (String) - the service's name
guide-health-intro = Incidentes y avisos actuales de { $service }. Si uno de ellos es el problema de su cliente, 21Vianet ya tiene constancia de él: no lo remita de nuevo.
guide-health-none = No hay incidentes ni avisos actuales de { $service }.
guide-health-mine = Este es el problema de mi cliente
guide-health-continue = No es ninguno de estos: continuar
guide-already-known-heading = 21Vianet ya tiene constancia de esto
guide-already-known-text = Figura en el estado del servicio y 21Vianet ya está trabajando en ello, así que no hay nada que remitir. Informe a su cliente y siga su evolución en el estado del servicio.
guide-start-again = Empezar de nuevo
guide-progress = Paso { $step } de { $total }
guide-troubleshoot-heading = Solucione problemas con privilegios de administrador
guide-troubleshoot-intro = Antes de remitir el problema, revise estos puntos en el centro de administración del cliente con privilegios de administrador. Marque lo que ya ha revisado.
guide-troubleshoot-legend = Lo que ha revisado
guide-troubleshoot-none = No ha marcado ninguno de estos puntos. Antes de remitir el problema, intente solucionarlo con privilegios de administrador: remitirlo sin haberlo intentado puede considerarse una remisión indebida. Si no hay nada que revisar (por ejemplo, porque el servicio no funciona), puede continuar.
guide-troubleshoot-anyway = Continuar de todos modos
guide-continue = Continuar
guide-category-heading = ¿Es uno de estos problemas?
guide-category-hand-off = Estos son los tipos de problema que debe remitir a 21Vianet.
guide-category-none = Ninguno de estos
guide-duties-heading = Este soporte le corresponde a usted
guide-duties-point-of-contact = Usted es el punto de contacto de sus clientes para todas las preguntas de soporte operativo, de facturación y técnico sobre los servicios que revende.
guide-duties-intro = Usted mismo da soporte a sus clientes las 24 horas del día, los 365 días del año. Ese soporte incluye, entre otros:
# On the partner's duties: ends the guide, nothing escalated.
guide-duties-decline = Nos encargaremos nosotros
# On the partner's duties: escalates the problem for want of the means
# to solve it (seed 003), after guide-remediation-heading.
guide-duties-lacks-means = No tenemos la formación, la documentación ni las herramientas de soporte técnico necesarias para resolverlo
# The guide's step before a request escalated with guide-duties-lacks-means.
guide-remediation-heading = Remitir a 21Vianet lo que no puede atender
guide-remediation-definition = 21Vianet ofrece soporte técnico de escalación: el soporte técnico que usted no puede prestar razonablemente a sus clientes porque no tiene la formación, la documentación ni las herramientas de soporte técnico necesarias.
guide-duties-remediation = Si 21Vianet determina que usted le remite problemas de forma indebida, acepta reunirse, a petición de 21Vianet, para tratar un plan de corrección.
guide-remediation-continue = Continuar con la solicitud
# The end of the guide after guide-duties-decline.
guide-own-support-heading = No se ha remitido nada
guide-own-support-recheck = Ofrezca usted mismo soporte a su cliente para este problema. Si más adelante ve que es uno de los tipos de problema que debe remitir a 21Vianet, o que no tiene la formación, la documentación ni las herramientas de soporte técnico necesarias para resolverlo, vuelva a hacer esta comprobación para remitirlo.
cr-escalation-label = Remisión a 21Vianet

## Filed requests and their status
confirm-view-status = Ver el estado
filed-heading = Solicitudes de soporte técnico
filed-intro = Solicitudes del Centro de partners y solicitudes de cliente enviadas desde este dispositivo. Su estado lo indica el servicio de soporte.
filed-empty = No ha enviado ninguna solicitud de soporte técnico desde este dispositivo.
filed-clear = Vaciar esta lista
filed-cleared = La lista está vacía. Sus solicitudes siguen en el servicio de soporte.
# Variables:
#   $reference (String) - the reference of the request just taken off the list with status-forget
filed-removed = { $reference } se ha quitado de esta lista.
time-unknown = (fecha desconocida)
filed-on = Fecha de envío: { $time }
filed-status-unavailable = No se ha podido cargar el estado
filed-account-intro = Sus solicitudes del Centro de partners y solicitudes de cliente de todos los dispositivos en los que inicia sesión, y las enviadas desde este. Su estado lo indica el servicio de soporte.
filed-account-empty = Todavía no ha enviado ninguna solicitud de soporte técnico.
filed-account-loading = Cargando sus solicitudes…
filed-account-failed = No se han podido cargar todas sus solicitudes, así que puede que falte alguna.
filed-show-more = Mostrar más
filed-device-clear = Vaciar la lista de este dispositivo
filed-device-cleared = Este dispositivo ya no guarda ninguna lista. El servicio de soporte sigue mostrando las solicitudes que envió con la sesión iniciada.
status-heading = Estado de la solicitud de soporte técnico
status-loading = Cargando el estado de la solicitud…
status-failed = No se ha podido cargar el estado de la solicitud.
status-not-found = El servicio de soporte no encuentra esta solicitud.
status-forget = Quitarla de esta lista
status-label = Estado
status-category-label = Categoría
status-severity-label = Gravedad
status-attachments-label = Archivos adjuntos
status-refresh = Actualizar
status-checked = Última comprobación: { $time }
status-announced = Estado: { $status }. Última comprobación: { $time }.
# What screen readers hear, once, of a change heard live on the request shown.
status-new-reply = Nueva respuesta de { $name }.
status-changed-live = El estado ahora es { $status }.
status-history = Historial
status-replies = Conversación
status-heading-message = Consulta de cliente
reply-reader-customer = Su cliente verá esta respuesta.
reply-reader-support = Esta respuesta se envía a 21Vianet.
reply-reader-partner = Su partner verá esta respuesta.
status-escalated-by-partner = Su partner ha remitido esto a 21Vianet.
status-escalated-by-partner-resolved = Su partner ha remitido esto a 21Vianet, que ya lo ha resuelto.
status-mark-resolved-ask = Todavía no ha respondido a su cliente. ¿Desea marcar la consulta como resuelta sin responder?
status-mark-resolved-confirm = Marcar como resuelta sin responder
status-mark-resolved-reply-first = Responder primero
status-reply-role-customer = Cliente
status-reply-role-partner = Partner
status-reply-role-support = Representante de soporte técnico
status-reply-label = Su respuesta
status-reply-send = Enviar respuesta
status-reply-sending = Enviando su respuesta…
status-reply-kept = Su respuesta se guarda en este dispositivo hasta que se envíe.
status-reply-sent = Su respuesta se ha enviado.
status-escalated-as = Se ha remitido a 21Vianet con la referencia { $reference }.
status-open-escalation = Abrir la remisión
status-from-message = Esta remisión empezó como una consulta de cliente de { $customer }.
status-open-message = Abrir la consulta de cliente
status-close-loop = Cuando esté resuelta, informe a su cliente del resultado: explíquele lo que se ha hecho y compruebe que todo le funciona.
status-submitted = Enviada
status-in-progress = En curso
status-resolved = Resuelta
status-closed = Cerrada

## Customer self-service
help-heading = ¿En qué podemos ayudarle?
help-intro = Compruebe primero el estado del servicio y busque en los artículos de ayuda. Si no lo resuelven, póngase en contacto con su partner.
help-health-heading = Estado del servicio
help-health-none = Todos los servicios funcionan con normalidad.
help-articles-heading = Artículos de ayuda
help-search-label = Buscar en los artículos de ayuda
help-search-hint = Por ejemplo: restablecer contraseña, añadir usuarios, factura
help-search-button = Buscar
help-searching = Buscando…
help-results = { $count ->
    [one] Se ha encontrado un artículo.
   *[other] Se han encontrado { $count } artículos.
}
# Variables:
#   $count (Number) - how many articles are listed (the most a search lists)
help-results-first = Se muestran los { $count } primeros artículos. Añada palabras para acotar la búsqueda.
help-no-results = Ningún artículo coincide con «{ $query }». Pruebe con otras palabras o póngase en contacto con su partner.
help-search-failed = No se ha podido buscar en los artículos de ayuda.
help-in-english = En inglés
help-question = ¿Sigue necesitando ayuda?
help-solved = Ya está resuelto
help-contact = Contactar con mi partner
help-solved-heading = Nos alegra haberle ayudado
help-solved-text = No se ha enviado nada. Vuelva cuando quiera.
contact-heading = Póngase en contacto con su partner
contact-intro-no-articles = Describa el problema.
contact-intro-seen = Describa el problema. Su partner verá qué artículos de ayuda aparecieron en sus búsquedas.
contact-seen-heading = Artículos que aparecieron en sus búsquedas
confirm-next-partner = Su partner se pondrá en contacto con usted. Tenga a mano la referencia e indíquela cuando consulte a su partner sobre esta solicitud.
confirm-address-link-sent = Le hemos enviado un enlace a su dirección de correo electrónico. Cuando confirme la dirección con él, recibirá por correo electrónico las respuestas a esta solicitud. Mientras tanto, puede leerlas aquí, en este dispositivo, en «Mis solicitudes».

## Attachments
attachments-legend = Capturas de pantalla y registros (opcional)
attachments-hint = Hasta { $count } archivos, de { $size } como máximo cada uno y { $total } en total: imágenes PNG, JPEG, GIF y WebP, PDF, archivos de texto y de registro, archivos zip.
attachments-add = Añadir archivos
attachments-drop = También puede soltar archivos aquí o pegar una captura de pantalla en el formulario.
attachment-remove = Quitar { $name }
attachment-uploading = Subiendo { $name }
attachment-uploaded = Subido
attachment-failed = No se ha podido subir. Se volverá a intentar automáticamente; también puede reintentarlo ahora.
attachment-failed-stopped = No se ha podido subir. Vuelva a intentarlo o quite el archivo.
attachment-refused = { $reason ->
    [too-large] El servicio de soporte no ha aceptado este archivo porque es demasiado grande. Quítelo para enviar la solicitud sin él.
    [type] El servicio de soporte no acepta archivos de este tipo. Quítelo para enviar la solicitud sin él.
    [empty] El servicio de soporte no ha aceptado este archivo porque está vacío. Quítelo para enviar la solicitud sin él.
    [mismatch] El servicio de soporte no ha aceptado este archivo porque su contenido no coincide con su nombre o tipo. Quítelo para enviar la solicitud sin él.
   *[other] El servicio de soporte no ha aceptado este archivo. Quítelo para enviar la solicitud sin él.
}
attachment-offline = Esperando la conexión. El archivo se subirá cuando vuelva a estar en línea.
attachment-unauthorized = El servicio de soporte no ha aceptado su inicio de sesión (error { $status }). Inicie sesión de nuevo y vuelva a intentarlo.
attachment-forbidden = El servicio de soporte ha aceptado su inicio de sesión, pero no le permite subir archivos (error { $status }). Pida al administrador del sitio que revise sus permisos.
attachment-retry = Volver a intentarlo
attachment-download = Descargar { $name }
attachment-download-failed = No se ha podido descargar el archivo.
attachment-download-gone = El servicio de soporte ya no encuentra este archivo: puede que se haya eliminado o que ya no tenga acceso a él.
attachment-news-uploaded = Se ha subido { $name }.
attachment-news-failed = No se ha podido subir { $name }.
attachment-news-removed = Se ha quitado { $name }.
attachment-news-offline = { $name } se subirá cuando vuelva a estar en línea.
attachment-error-empty = { $name } está vacío.
attachment-error-too-large = { $name } supera { $size }.
attachment-error-type = No se puede adjuntar { $name }: adjunte imágenes PNG, JPEG, GIF o WebP, PDF, archivos de texto o de registro, o archivos zip.
attachment-error-text = No se puede adjuntar { $name } como archivo de texto: solo se admite texto sin formato con codificación UTF-8, no HTML, XML ni datos binarios. Comprímalo en un archivo zip o guárdelo con codificación UTF-8.
attachment-error-mismatch = { $name } no es el tipo de archivo que indican su nombre o su tipo, así que no se puede adjuntar.
attachment-error-too-many = No se ha añadido { $name }: una solicitud admite hasta { $count } archivos.
attachment-error-total = No se ha añadido { $name }: los archivos juntos superarían { $total }.
# Variables:
#   $name (String) - the file's name
attachment-error-already = { $name } ya está adjunto.
attachments-wait = La solicitud se enviará en cuanto se hayan subido todos los archivos.
attachments-wait-offline = No tiene conexión. La solicitud se enviará en cuanto se recupere la conexión y se hayan subido todos los archivos.
attachments-failed = No se ha podido subir un archivo. Vuelva a intentarlo o quítelo y después envíe la solicitud.
error-attachments-gone = Un archivo ya no está en el servicio de soporte. Quítelo y vuelva a añadirlo.
error-attachments-too-many = Una solicitud admite hasta { $count } archivos. Quite algunos.
error-attachments-too-large = Los archivos juntos superan { $total }. Quite algunos.
filed-away = Su solicitud «{ $title }» ya se ha enviado con la referencia { $reference }.

## Customer messages: what customers sent their partner, and the loop back
home-inbox-title = Consultas de clientes
home-inbox-text = Lea lo que le han enviado sus clientes, responda, márquelo como resuelto o remítalo a 21Vianet.
home-inbox-open = Abiertas: { $count }
inbox-heading = Consultas de clientes
inbox-intro = Lo que le han enviado sus clientes desde la página de ayuda, de lo más reciente a lo más antiguo.
inbox-filter-label = Mostrar consultas de clientes
inbox-show-open = Abiertas
inbox-show-resolved = Resueltas
inbox-loading = Cargando las consultas de clientes…
inbox-failed = No se han podido cargar las consultas de clientes.
inbox-empty-open = No hay consultas de clientes abiertas.
inbox-empty-resolved = Todavía no hay consultas de clientes resueltas.
inbox-close-loop = 21Vianet la ha resuelto: informe al cliente del resultado
status-description-label = Descripción
status-contact-label = Contacto
status-articles-label = Artículos de ayuda que se mostraron al cliente
status-articles-label-own = Artículos de ayuda que se le mostraron
status-mark-resolved = Marcar como resuelta
status-marking-resolved = Marcando como resuelta…
status-escalate = Remitir a 21Vianet
status-escalation-resolved = 21Vianet ha resuelto { $reference }. Informe al cliente del resultado.
status-loop-closed = 21Vianet ha resuelto { $reference } y la consulta de cliente de la que procede también está resuelta.
status-close-loop-heading = Informar a { $customer } del resultado
status-close-loop-hint = Su respuesta se envía al cliente y esa consulta de cliente se marca como resuelta.
status-close-loop-send = Enviar y marcar como resuelta
escalation-back-to-message = Volver a la consulta de cliente
help-my-requests = Mis solicitudes
filed-customer-intro = Lo que ha enviado a su partner, con su estado y las respuestas de su partner.
filed-customer-empty = Todavía no se ha puesto en contacto con su partner.
status-reply-offline = No tiene conexión. Su respuesta se enviará cuando vuelva la conexión.
status-reply-retrying = El servicio de soporte no ha podido recibir su respuesta en este momento. Se volverá a intentar en breve… Su respuesta se conserva.
status-reply-wait-files = Espere a que se suban todos los archivos y, después, envíe su respuesta.

## A request opened by its link (open("request", id), open-request)

# The request the page opened, which the support service won't show this
# user: it doesn't exist, or it's someone else's.
opened-request-unreadable = No se puede abrir esta solicitud: no existe o no tiene permiso para verla. Compruebe el enlace que ha seguido y que ha iniciado sesión con la cuenta correcta.
