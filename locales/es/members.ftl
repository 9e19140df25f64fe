members-welcome-title = Te damos la bienvenida al programa de mentorías
members-expectations =
    {"**"}Lo que te pedimos**
    • Responde los seguimientos en el canal de la pareja (un minuto cada uno; las respuestas tardías también cuentan).
    • Trata a la otra persona con amabilidad y respeto, y no compartas con nadie lo que te cuente.
    • Avisa a la otra persona, o a un moderador, si necesitas una pausa.
members-how-to-change =
    {"**"}Puedes cambiar de idea cuando quieras**
    Usa `/profile view` o `/profile edit` para ver o actualizar tu perfil. Con `/withdraw` sales del programa, y con `/mydata export` obtienes una copia de tus datos.
members-data-kept =
    {"**"}Lo que guarda tandem**
    Tu perfil, tus respuestas a los seguimientos y encuestas, y cuánta actividad hay en el canal de la pareja (nunca lo que escribes). `/mydata delete` lo borra.
members-application-title = Solicitud de mentor
members-approve = Aprobar
members-decline = Rechazar
members-decision = Decisión
members-only-moderators-decide = Solo los moderadores pueden aprobar o rechazar solicitudes de mentor.
members-only-moderators = Solo los moderadores pueden usar este comando.
members-application-gone = Esta solicitud ya no existe: el miembro borró sus datos.
members-not-enrolled-self = Aún no te has inscrito. Únete con `/enrol mentor` o `/enrol mentee`.
members-only-own-profile = Solo puedes ver tu propio perfil. Los moderadores pueden ver el de cualquiera.
members-which-profile = Tienes perfil de mentor y de aprendiz. Añade la opción `role` para indicar qué perfil quieres cambiar.
members-left-programme = Has salido del programa, así que no hay nada que editar. Vuelve a inscribirte con `/enrol` cuando quieras.
members-changed-meanwhile = Tu perfil cambió mientras lo guardaba (quizá un moderador acaba de tomar una decisión sobre él). No se cambió nada. Vuelve a usar el comando.
members-nothing-to-change = No hay nada que cambiar. Añade al menos una opción, por ejemplo `topics` o `timezone`.
members-profile-updated = Tu perfil está actualizado:
members-status = Estado
members-topics = Temas
members-timezone = Zona horaria
members-languages = Idiomas
members-capacity = Aprendices a la vez
members-goals = Metas
members-about = Presentación
members-since = Inscripción
members-nothing-to-withdraw = Ahora mismo no participas, así que no hay nada que dejar.
members-withdraw-yes = Sí, salir
members-cancel = Cancelar
members-cancelled = Cancelado: no ha cambiado nada.
members-leaving = Saliendo del programa…
members-not-your-button = Este botón pertenece al mensaje de otra persona.
members-members-title = Miembros del programa
members-mentors = Mentores
members-mentees = Aprendices
members-pending-mentors = Solicitudes de mentor (las más antiguas primero)
members-waiting-mentees = Aprendices esperando mentor (primero quien más lleva esperando)
members-none-yet = nadie todavía
members-none-waiting = nadie está esperando
members-no-digest-channel = Consejo: configura un canal del resumen con `/setup` para que las nuevas solicitudes de mentor se publiquen ahí. Mientras tanto, apruébalas con los botones de abajo.
members-no-topics = Añade al menos un tema, separados por comas, por ejemplo `rust, career, sql`.
members-too-many-topics = Son { $count } temas. Deja { $max } como máximo: los que más te importan.
members-topic-too-long = El tema "{ $topic }" es demasiado largo. Usa etiquetas cortas separadas por comas.
members-unknown-language = No reconozco el idioma "{ $language }". Usa códigos como `en, es, de` o nombres como `English` o `español`.
members-too-many-languages = Son { $count } idiomas. Indica 5 como máximo, por favor.
members-capacity-out-of-range = La capacidad es cuántos aprendices acompañas a la vez. Elige de 1 a 5, no { $capacity }.
members-about-too-long = Tu presentación tiene { $chars } caracteres; no pases de 300, por favor.
members-goals-too-long = Tus metas tienen { $chars } caracteres; no pases de 500, por favor.
members-goals-required = Cuéntanos qué quieres lograr en la opción `goals`. Nos ayuda a encontrar el mentor adecuado para ti.
# $option es el nombre de una opción tal como se escribe en Discord, p. ej. `capacity`.
members-not-for-role =
    { $role ->
        [mentor] `{ $option }` es solo para perfiles de mentor.
       *[mentee] `{ $option }` es solo para perfiles de aprendiz.
    }
members-enrolled-pending = ¡Gracias por ofrecerte como mentor! Un moderador revisará tu solicitud. Te enviaré un mensaje directo con la respuesta, o puedes consultar `/profile view`.
members-enrolled-mentor = Te has inscrito como mentor. Un moderador te asignará un aprendiz y tendrás un canal privado con esa persona.
members-enrolled-mentee = Te has inscrito como aprendiz. Un moderador te asignará un mentor y tendrás un canal privado con esa persona.
members-updated =
    { $role ->
        [mentor] Ya tenías un perfil de mentor, así que lo he actualizado.
       *[mentee] Ya tenías un perfil de aprendiz, así que lo he actualizado.
    }
members-rejoined =
    { $role ->
        [mentor] ¡Qué bien verte de nuevo! Vuelves a participar como mentor.
       *[mentee] ¡Qué bien verte de nuevo! Vuelves a participar como aprendiz.
    }
members-application = <@{ $user }> quiere ser mentor (lo solicitó <t:{ $applied }:R>). Aprueba o rechaza la solicitud abajo.
members-application-dm = ¡Gracias por ofrecerte como mentor en **{ $guild }**! Los moderadores revisarán tu solicitud y te avisaré por aquí.
members-approved-dm = Buenas noticias: tu solicitud de mentor en **{ $guild }** está aprobada. Pronto un moderador te asignará un aprendiz y tendrás un canal privado con esa persona.
members-declined-dm = Esta vez no se aprobó tu solicitud de mentor en **{ $guild }**. Si tienes preguntas, escribe a alguno de los moderadores del servidor.
members-approved-by = Aprobada por <@{ $moderator }> <t:{ $at }:R>.
members-declined-by = Rechazada por <@{ $moderator }> <t:{ $at }:R>.
members-approved = Aprobada: <@{ $user }> ya participa como mentor.
members-declined = Se rechazó la solicitud de <@{ $user }>.
members-already-approved = Esta solicitud ya estaba aprobada.
members-already-declined = Esta solicitud ya estaba rechazada.
members-withdrawn-since = Desde entonces ha salido del programa, así que no hay nada que decidir.
members-still-pending = Esta solicitud sigue pendiente.
members-not-enrolled-other = <@{ $user }> no se ha inscrito en el programa.
members-no-such-profile =
    { $role ->
        [mentor] No tienes perfil de mentor. Inscríbete con `/enrol mentor`.
       *[mentee] No tienes perfil de aprendiz. Inscríbete con `/enrol mentee`.
    }
members-application-limit = Has solicitado ser mentor { $count } veces en los últimos 30 días, el máximo que puedo enviar. Espera la respuesta de los moderadores o escríbeles directamente.
members-mentor-profile = Perfil de mentor
members-mentee-profile = Perfil de aprendiz
members-status-pending = pendiente: a la espera de la aprobación de un moderador
members-status-active = activo
members-status-paused = en pausa
members-status-withdrawn = salió del programa
members-status-declined = solicitud no aprobada
members-confirm-withdraw =
    { $roles ->
        [mentor] ¿Salir del programa como mentor? Tus parejas como mentor terminarán. Tu perfil se conserva, así que puedes volver con `/enrol`. Para borrarlo, usa `/mydata delete`.
        [mentee] ¿Salir del programa como aprendiz? Tus parejas como aprendiz terminarán. Tu perfil se conserva, así que puedes volver con `/enrol`. Para borrarlo, usa `/mydata delete`.
       *[both] ¿Salir del programa como mentor y como aprendiz? Tus parejas como mentor y como aprendiz terminarán. Tu perfil se conserva, así que puedes volver con `/enrol`. Para borrarlo, usa `/mydata delete`.
    }
members-withdrawn =
    { $roles ->
        [mentor] Has salido del programa como mentor. ¡Gracias por participar! Vuelve cuando quieras con `/enrol`.
        [mentee] Has salido del programa como aprendiz. ¡Gracias por participar! Vuelve cuando quieras con `/enrol`.
       *[both] Has salido del programa como mentor y como aprendiz. ¡Gracias por participar! Vuelve cuando quieras con `/enrol`.
    }
members-applied = <@{ $user }>, lo solicitó <t:{ $at }:R>
members-waiting = <@{ $user }>, esperando desde <t:{ $since }:R>
members-and-more = …y { $count } más
members-answer-questions = Responder las preguntas
members-enrolled-questions = ¡Gracias por ofrecerte como mentor! Falta un paso: los moderadores hacen unas preguntas a cada nuevo mentor. Pulsa **Responder las preguntas** abajo y tu solicitud les llegará con tus respuestas.
members-nothing-to-answer = No hay ninguna solicitud esperando tus respuestas. Si quieres ser mentor, empieza con `/enrol mentor`.
members-answers-sent = ¡Gracias! Tu solicitud y tus respuestas ya están en manos de los moderadores. Te enviaré un mensaje directo con el resultado.
members-answers-sent-already = Ya enviaste tus respuestas. Los moderadores las tienen.
members-answer-every-question = Responde todas las preguntas y vuelve a enviar el formulario, por favor.
members-answer-too-long = Una respuesta tiene { $chars } caracteres; no pases de { $max } en cada una, por favor.
members-decline-title = Rechazar la solicitud
members-decline-reason = Un motivo breve (opcional, se le enviará)
members-decline-placeholder = Por ejemplo: ahora mismo necesitamos mentores para otros temas.
members-reason-too-long = El motivo tiene { $chars } caracteres; no pases de { $max }, por favor.
members-declined-dm-reason = Esta vez no se aprobó tu solicitud de mentor en **{ $guild }**. Los moderadores escribieron: "{ $reason }". Si tienes preguntas, escribe a alguno de los moderadores del servidor.
members-questions-saved = Guardado. Ahora los nuevos mentores responden estas preguntas al presentar su solicitud:
members-questions-unchanged = No ha cambiado nada. Los nuevos mentores responden estas preguntas al presentar su solicitud:
members-questions-current = Los nuevos mentores responden estas preguntas al presentar su solicitud:
members-questions-blank = Todas las preguntas estaban en blanco, así que no ha cambiado nada. Escribe al menos una, o usa `clear:True` para no hacer ninguna.
members-question-too-long = Una pregunta tiene { $chars } caracteres, pero un formulario muestra como máximo { $max }. Acórtala y vuelve a intentarlo.
members-no-questions = Aún no hay preguntas: los nuevos mentores presentan su solicitud sin responder ninguna. Añade algunas con `/programme questions q1:…`.
members-questions-need-approval = En este servidor los nuevos mentores quedan activos enseguida, así que por ahora no se pregunta nada a nadie. Activa la aprobación con `/setup mentor_approval:True`.
members-avoid-added = Hecho. No te emparejaremos con <@{ $user }>. No se le avisa, y los moderadores solo ven que esa pareja no es posible.
members-avoid-already = <@{ $user }> ya está en tu lista.
members-avoid-removed = Ya se te puede emparejar otra vez con <@{ $user }>.
members-avoid-not-listed = <@{ $user }> no está en tu lista, así que no cambió nada.
members-avoid-full = Tu lista ya tiene { $max } personas. Quita a alguien primero con `undo:True`.
members-avoid-self = Esa persona eres tú. Elige a otra.
members-avoid-bot = Los bots nunca forman pareja, así que no hace falta evitarlos.
members-avoid-not-member = No encuentro a esa persona en este servidor. Elige a alguien de la lista mientras escribes.
members-avoid-list = Pediste no formar pareja con: { $users }. Solo tú ves esta lista. Para quitar a alguien, usa `/profile avoid user: undo:True`.
members-avoid-empty = No has pedido evitar a nadie. Si prefieres no formar pareja con alguien, usa `/profile avoid user:`. Solo lo sabrás tú.
members-capacity-full =
    { $mentees ->
        [one] Ahora tienes { $mentees } aprendiz y tu pareja sigue. No recibirás otro aprendiz mientras tengas { $capacity } o más.
       *[other] Ahora tienes { $mentees } aprendices y tus parejas siguen. No recibirás otro aprendiz mientras tengas { $capacity } o más.
    }
