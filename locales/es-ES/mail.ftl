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
