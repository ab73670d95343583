# El correo del backend. Los mismos ID y variables que en-US.

## Subjects

mail-subject-reply = [{ $reference }] Nueva respuesta: { $title }
mail-subject-status = [{ $reference }] Estado: { $status }
mail-subject-new-message = [{ $reference }] Nueva consulta de cliente: { $title }
mail-subject-customer-reply = [{ $reference }] Respuesta del cliente: { $title }

mail-subject-several = [{ $reference }] { $count } novedades en su solicitud
mail-subject-several-customer-request = [{ $reference }] { $count } novedades en una consulta de cliente

## Bodies

mail-reply-intro = { $author } ha añadido una respuesta a su solicitud de soporte técnico { $reference }:
mail-status-intro = Su solicitud de soporte técnico { $reference } está ahora: { $status }.
mail-status-note = Nota añadida con este cambio:
mail-new-message-intro = { $customer } le ha enviado una nueva consulta de cliente, { $reference }:
mail-customer-reply-intro = { $customer } ha respondido en la consulta de cliente { $reference }:
mail-request-title = Resumen: { $title }
mail-link = Véala en el portal:
mail-link-label = Abrir en el portal
mail-footer = Este es un mensaje automático; no responda a este correo, ya que las respuestas no se leen.
mail-author-unknown = El equipo de soporte técnico
mail-status-name = { $status ->
    [submitted] Enviada
    [in_progress] En curso
    [resolved] Resuelta
   *[closed] Cerrada
}

## El saludo y la despedida de cada correo, y lo que el correo al partner
## dice del cliente

mail-greeting = Hola:
mail-sign-off =
    Un saludo,
    { $team }
mail-team = El equipo de soporte técnico
mail-contact = Contacto: { $contact }
mail-service = Servicio: { $service }
mail-files = Archivos: { $files }

## Confirmar una dirección que escribió un visitante: solo las palabras del
## backend, nunca lo que escribió el visitante.

mail-subject-confirm = [{ $reference }] Confirme su dirección de correo electrónico
mail-confirm-intro = Se ha enviado un mensaje a nuestro equipo de soporte con esta dirección de correo electrónico como contacto, con la referencia { $reference }.
mail-confirm-ask = Para recibir las respuestas por correo electrónico, confirme que esta dirección es suya con el enlace siguiente. Es válido durante { $days } días.
mail-confirm-link-label = Confirmar mi dirección de correo electrónico
mail-confirm-ignore = Si no ha enviado este mensaje, puede ignorar este correo: no se le enviará nada más al respecto.
confirm-page-title = Confirme su dirección de correo electrónico
confirm-page-ask = Confirme que las respuestas a { $reference } pueden enviarse a esta dirección de correo electrónico.
confirm-page-button = Confirmar
confirm-page-done = Su dirección de correo electrónico está confirmada. Las respuestas a { $reference } se le enviarán por correo electrónico.
confirm-page-gone = Este enlace no es válido o ha caducado. Su mensaje se ha recibido de todos modos: puede leer las respuestas en el widget de soporte del dispositivo desde el que lo envió.
