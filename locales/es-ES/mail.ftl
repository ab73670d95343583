# El correo del backend. Los mismos ID y variables que en-US.

## Subjects

mail-subject-reply = [{ $reference }] Nueva respuesta: { $title }
mail-subject-status = [{ $reference }] Estado: { $status }
mail-subject-new-message = [{ $reference }] Nueva solicitud de cliente: { $title }
mail-subject-customer-reply = [{ $reference }] Respuesta del cliente: { $title }

mail-subject-several = [{ $reference }] { $count } novedades en su solicitud
mail-subject-several-customer-request = [{ $reference }] { $count } novedades en una solicitud de cliente

## Bodies

mail-reply-intro = { $author } ha enviado una respuesta en su solicitud de soporte técnico { $reference }:
mail-status-intro = Su solicitud de soporte técnico { $reference } está ahora: { $status }.
mail-status-note = Nota del representante de soporte técnico:
mail-new-message-intro = { $customer } le ha enviado una nueva solicitud de cliente, { $reference }:
mail-customer-reply-intro = { $customer } ha enviado una respuesta en la solicitud de cliente { $reference }:
mail-request-title = Solicitud: { $title }
mail-link = Véala en el portal:
mail-link-label = Abrir la solicitud
mail-footer = Este correo se ha enviado automáticamente; las respuestas a él no se leen.
mail-author-unknown = El equipo de soporte técnico
mail-status-name = { $status ->
    [submitted] Enviada
    [in_progress] En curso
    [resolved] Resuelta
   *[closed] Cerrada
}

## Confirmar una dirección que escribió un visitante: solo las palabras del
## backend, nunca lo que escribió el visitante.

mail-subject-confirm = [{ $reference }] Confirme su dirección de correo electrónico
mail-confirm-intro = Se envió un mensaje a nuestro equipo de soporte con esta dirección de correo electrónico como contacto, con la referencia { $reference }.
mail-confirm-ask = Para recibir las respuestas por correo electrónico, confirme que esta dirección es suya con el enlace siguiente. Es válido durante { $days } días.
mail-confirm-link-label = Confirmar mi dirección de correo electrónico
mail-confirm-ignore = Si usted no envió este mensaje, ignore este correo: no se le enviará nada más al respecto.
confirm-page-title = Confirme su dirección de correo electrónico
confirm-page-ask = Confirme que las respuestas a { $reference } pueden enviarse a esta dirección de correo electrónico.
confirm-page-button = Confirmar
confirm-page-done = Su dirección de correo electrónico está confirmada. Las respuestas a { $reference } se le enviarán por correo electrónico.
confirm-page-gone = Este enlace no se conoce o ha caducado. Su mensaje se recibió de todos modos: puede leer las respuestas en el widget de soporte del dispositivo desde el que lo envió.
