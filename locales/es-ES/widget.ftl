# The support widget's messages. en-US is the source locale: every other
# locale has exactly these IDs and variables.

## The widget's frame

widget-title = Soporte
widget-subtitle = Centro de partners operado por 21Vianet
widget-language-label = Idioma
# Each language is named in its own language, the same in every locale.
language-en-us = English
language-zh-cn = 简体中文
language-zh-tw = 繁體中文
language-es-es = Español

## Problems with how the host page set the widget up

config-error-title = No se pueden enviar solicitudes de soporte desde esta página
config-error-backend-missing = Esta página no indica adónde enviar las solicitudes de soporte (falta el atributo backend). Comuníqueselo al administrador del sitio.
# Variables:
#   $value (String) - the backend attribute exactly as the page set it
config-error-backend-invalid = La dirección que esta página indica para las solicitudes de soporte, «{ $value }», no es una dirección web que empiece por https:// o http://. Comuníqueselo al administrador del sitio.

## Partner Center request

pc-heading = Nueva solicitud del Centro de partners
pc-intro = Informe de un problema que tenga con el propio Centro de partners. Un representante de soporte se pondrá en contacto con usted directamente.
pc-category-legend = ¿Con qué está relacionado el problema?
pc-category-technical = Técnico
pc-category-billing = Facturación
pc-category-customer-subscription-management = Administración de clientes y suscripciones

## Form fields shared by the request forms

field-title-label = Resumen
field-title-hint = Una sola línea; por ejemplo, «No puedo descargar la factura de octubre».
field-description-label = Descripción
field-description-hint = Qué ha ocurrido, qué esperaba que ocurriera y cualquier mensaje de error que haya visto.
field-contact-name-label = Su nombre
field-contact-email-label = Dirección de correo electrónico
field-contact-phone-label = Número de teléfono (opcional)
field-contact-language-label = Idioma de contacto preferido
field-contact-heading = ¿Cómo podemos ponernos en contacto con usted?

## Validation, shown in the error summary and at the field

error-summary-title = Hay un problema
error-required-category = Seleccione con qué está relacionado el problema
error-required-title = Introduzca un resumen del problema
error-required-description = Describa el problema
error-required-contact-name = Introduzca su nombre
error-required-contact-email = Introduzca su dirección de correo electrónico
# Variables:
#   $field (String) - the label of the field, as shown above it
#   $max (Number) - the largest number of characters the field takes
error-too-long = El campo «{ $field }» no puede tener más de { $max } caracteres
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
error-not-accepted = El servicio de soporte no ha aceptado el campo «{ $field }». Revíselo e inténtelo de nuevo

## Submitting

submit-button = Enviar
submit-pending = Enviando su solicitud…
submit-error-network = No se ha podido conectar con el servicio de soporte. Compruebe su conexión e inténtelo de nuevo. Todo lo que ha escrito se conserva.
# Variables:
#   $status (Number) - the HTTP status code the service answered with
submit-error-server = El servicio de soporte ha tenido un problema (error { $status }). Inténtelo de nuevo dentro de unos instantes. Todo lo que ha escrito se conserva.
submit-error-response = El servicio de soporte ha enviado una respuesta que no hemos podido interpretar. Inténtelo de nuevo dentro de unos instantes. Todo lo que ha escrito se conserva.
submit-error-too-large = La solicitud es demasiado grande para enviarla. Acorte la descripción e inténtelo de nuevo.
submit-retry = Volver a intentarlo

## Confirmation

confirm-heading = Solicitud enviada
# Variables:
#   $reference (String) - the request's reference, such as SR-000042
confirm-reference = La referencia de su solicitud es { $reference }.
confirm-next = Un representante de soporte se pondrá en contacto con usted directamente. Tenga a mano la referencia cuando lo haga.
confirm-new-request = Enviar otra solicitud
