checkins-mood-1 = 1 – me está costando
checkins-mood-2 = 2 – regular
checkins-mood-3 = 3 – normal
checkins-mood-4 = 4 – bien
checkins-mood-5 = 5 – genial
checkins-answer-button = Responder
# La línea bajo un aviso que muestra quién ha respondido, p. ej. "Han respondido: @Ana ✓".
checkins-answered = **Han respondido:**
checkins-no-goals = Aún no hay metas: añade la primera con `/goal add`.
checkins-goal = #{ $number } { $title }
checkins-goal-due = #{ $number } { $title } (para el { $due })
checkins-open-goals =
    { $more ->
        [0] Metas pendientes: { $goals }.
       *[other] Metas pendientes: { $goals } y { $more } más.
    }
# $members: las menciones de la pareja unidas con "y"; $until: una hora Unix para una marca de tiempo de Discord.
checkins-prompt = ¡**Hora del seguimiento**, { $members }! ¿Cómo va todo?
    Elige tu ánimo y luego pulsa **Responder** para contar qué ha avanzado, qué te frena y qué viene después. { $goals }
    Vence <t:{ $until }:R>, pero las respuestas tardías también cuentan.
checkins-reminder =
    { $members }, un pequeño recordatorio. El seguimiento de esta semana sigue pendiente: { $link }
    Lleva un minuto, y las respuestas tardías también cuentan.
checkins-modal-title = Tu seguimiento
checkins-progress = ¿Qué ha avanzado desde la última vez?
checkins-progress-empty = Escribe unas palabras sobre lo que ha avanzado y vuelve a enviar el seguimiento.
checkins-blockers = ¿Algo te frena? (opcional)
checkins-next-step = Tu próximo paso (opcional)
checkins-mood-saved = Ánimo guardado: { $mood }. Pulsa **Responder** para añadir unas palabras cuando te venga bien.
checkins-mood-unchanged = Tu ánimo ya estaba guardado como { $mood }, así que no ha cambiado nada.
checkins-saved = Gracias, tu seguimiento está guardado. Ya hay una nota breve en el canal de la pareja.
checkins-unchanged = Tu seguimiento ya dice exactamente esto, así que no ha cambiado nada.
checkins-saved-late = Gracias, tu seguimiento está guardado (marcado como tardío, no pasa nada). Ya hay una nota breve en el canal de la pareja.
checkins-summary = **<@{ $user }> respondió al seguimiento**
checkins-summary-late = **<@{ $user }> respondió al seguimiento** (tarde)
checkins-summary-mood = **<@{ $user }> respondió al seguimiento**, ánimo: { $mood }
checkins-summary-late-mood = **<@{ $user }> respondió al seguimiento** (tarde), ánimo: { $mood }
checkins-summary-progress = Avances: { $text }
checkins-summary-blockers = Obstáculos: { $text }
checkins-summary-next = Siguiente paso: { $text }
checkins-not-your-checkin = Este seguimiento es de otra pareja. Responde los del canal de tu propia pareja.
checkins-closed = Esta pareja ya no está activa, así que sus seguimientos están cerrados.
checkins-only-moderators = Solo los moderadores pueden iniciar una ronda de seguimiento.
checkins-no-pairs = Aún no hay parejas activas a las que hacer seguimiento. Forma parejas con `/pair create` o `/pair suggest`.
checkins-round-started =
    { $pairs ->
        [one] Publicando ahora un seguimiento para { $pairs } pareja (las parejas en pausa se omiten). Las respuestas irán llegando en los próximos días.
       *[other] Publicando ahora un seguimiento para { $pairs } parejas (las parejas en pausa se omiten). Las respuestas irán llegando en los próximos días.
    }
checkins-facilitator = Esta vez <@{ $user }> abre la conversación: una pregunta, un logro o lo que cuesta esta semana. En el próximo seguimiento le toca a otra persona.
