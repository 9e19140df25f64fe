setup-admin-only = Solo los administradores del servidor (con el permiso Gestionar servidor) pueden cambiar la configuración de tandem.
setup-access-unfinished = Discord rechazó algunos cambios, así que puede que algunos canales de pareja aún muestren el rol de moderador anterior. Lo terminaré la próxima vez que me inicie. Para terminarlo ahora, vuelve a usar `/setup moderator_role`.
setup-title = Configuración de tandem
setup-saved = Guardado. Así está configurado tandem ahora:
setup-unchanged = No ha cambiado nada. Así está configurado tandem:
setup-current = Así está configurado tandem. Usa `/setup` con opciones para cambiarlo.
setup-not-set = sin configurar
setup-digest-channel = Canal del resumen
setup-moderator-role = Rol de moderador
setup-pair-category = Categoría de las parejas
setup-timezone = Zona horaria
setup-language = Idioma
setup-mentor-approval = Nuevos mentores
setup-still-to-choose = Falta por elegir
setup-permissions = Permisos que faltan
setup-ready = Todo está listo. Los miembros ya pueden ver lo que pueden hacer con `/help`.
setup-digest-not-text = El canal del resumen tiene que ser un canal de texto. Elige uno que los moderadores puedan leer.
setup-category-not-category = La categoría de las parejas tiene que ser una categoría de canales (los encabezados tipo carpeta de la lista de canales).
setup-ended-channels = Canales de parejas terminadas
setup-checkins = Seguimientos
setup-pulse = Encuestas pulso
setup-digest = Resumen
setup-anonymity = Resultados de la encuesta pulso
setup-anonymity-too-low = Los resultados de la encuesta pulso necesitan al menos 3 respuestas para mostrarse, así nadie puede adivinar lo que respondió otra persona. Elige 3 o más.
setup-anonymity-too-high = Los resultados de la encuesta pulso pueden esperar como mucho a 1000 respuestas. Elige un número del 3 al 1000.
setup-channel-gone = Ya no encuentro ese canal en este servidor. Elige uno de la lista mientras escribes.
setup-role-gone = Ya no encuentro ese rol en este servidor. Elige uno de la lista mientras escribes.
setup-everyone-role = El rol de moderador no puede ser el rol que tiene todo el mundo; si no, cualquier miembro podría formar parejas y leer el resumen. Elige o crea un rol solo para moderadores.
setup-needs-attention = Necesita tu atención
setup-bot-language = Idioma de tandem
# $language: el nombre del idioma en ese idioma, p. ej. Español.
setup-bot-language-follows = { $language } (el idioma del programa)
setup-access-progress = Dando acceso a los canales de pareja al nuevo rol de moderador: { $done } de { $total }…
setup-access-moved =
    { $channels ->
        [0] El nuevo rol de moderador está configurado. Todavía no hay canales de pareja que actualizar.
        [one] Listo: el nuevo rol de moderador puede ver el canal de pareja y el anterior ya no.
       *[other] Listo: el nuevo rol de moderador puede ver los { $channels } canales de pareja y el anterior ya no.
    }
setup-bad-timezone = No conozco la zona horaria "{ $input }". Elige una de la lista mientras escribes, por ejemplo `Europe/Berlin`, `America/New_York` o `UTC+2`.
# p. ej. "Europe/Berlin (ahora UTC+01:00)"
setup-timezone-value = { $zone } (ahora UTC{ $offset })
setup-approval-needed = necesitan la aprobación de un moderador
setup-approval-not-needed = se activan al momento
# $place es la mención de un canal.
setup-channel-unreachable = Ya no puedo abrir { $place }. Puede que se haya borrado. Elige otro con `/setup`.
setup-cron-fields = debería tener 5 campos (minuto, hora, día, mes, día de la semana), como `0 17 * * Tue`
setup-cron-syntax = no se pudo leer; escríbelo como `0 17 * * Tue` (minuto, hora, día, mes, día de la semana)
setup-cron-never = nunca se activa
setup-cron-too-often = se activa más de una vez por hora; elige como mucho una vez por hora
setup-bad-schedule = `{ $option }` "{ $input }" no funciona: { $why }. Los campos son minuto, hora, día, mes y día de la semana, en la zona horaria del servidor. Usa `default` para volver a la programación estándar.
setup-schedule = `{ $cron }`
setup-schedule-default = `{ $cron }` (predeterminada)
setup-schedule-next = próxima: <t:{ $next }:F>
setup-anonymity-value = se muestran a partir de { $min } respuestas
setup-archive-read-only = se conservan en solo lectura
setup-archive-delete = se borran
setup-finish-with = Vuelve a usar `/setup` con { $options } para terminar.
setup-invalid-setting = `{ $option }` "{ $value }" ya no se acepta, así que se usa el valor predeterminado. Usa `/setup { $option }:` con un valor nuevo para volver a elegir.
setup-missing-permissions = En { $place } todavía necesito: **{ $permissions }**. Da estos permisos al rol de tandem ahí y luego usa `/setup` para volver a comprobarlo.
setup-perm-view-channel = Ver canal
setup-perm-manage-channels = Gestionar canales
setup-perm-manage-roles = Gestionar roles
setup-perm-send-messages = Enviar mensajes
setup-perm-embed-links = Insertar enlaces
setup-perm-attach-files = Adjuntar archivos
setup-perm-read-message-history = Leer el historial de mensajes
setup-near-channel-limit = Este servidor tiene { $channels } de los { $max } canales que permite Discord, y cada pareja nueva necesita uno. Borra o archiva los canales que ya no uses, o las parejas nuevas dejarán de caber.
setup-channels = Canales
setup-pair-space = Espacio de las parejas
setup-pair-space-channels = un canal privado cada una, en la categoría de parejas
setup-pair-space-threads = un hilo privado cada una, en <#{ $hub }>
setup-pair-space-threads-no-hub = un hilo privado cada una (su canal aún no está creado)
setup-use-threads = O elige `/setup pair_space:threads`: las parejas nuevas tendrán hilos privados, que no cuentan para el límite.
setup-hub-failed = tandem no pudo crear el canal que guarda los hilos de las parejas, o su rol. Da a tandem los permisos Gestionar canales y Gestionar roles, y ejecuta de nuevo `/setup pair_space:threads`.
setup-hub-name = parejas-de-mentoria
setup-hub-topic = Cada pareja de mentoría tiene aquí su propio hilo privado. Solo lo ven sus dos miembros y los moderadores.
setup-pair-role-name = Parejas de mentoría
setup-perm-manage-threads = Gestionar hilos
setup-perm-create-private-threads = Crear hilos privados
setup-perm-send-messages-in-threads = Enviar mensajes en hilos
setup-the-server = el servidor
