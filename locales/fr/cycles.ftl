# Cycles du programme (/programme start, /programme status).
cycles-ask = Le cycle **{ $name }** se termine <t:{ $end }:R>, le <t:{ $end }:D>. Voulez-vous continuer ensemble au prochain cycle, ou terminer ? L'un ou l'autre peut répondre, et changer d'avis jusqu'à la fin.
cycles-continue-button = Continuer ensemble
cycles-finish-button = Terminer à la fin
cycles-chosen-continue = <@{ $user }> a choisi de **continuer** au prochain cycle. L'un ou l'autre peut changer ce choix jusqu'au <t:{ $end }:F>.
cycles-chosen-finish = <@{ $user }> a choisi de **terminer** à la fin du cycle. L'un ou l'autre peut changer ce choix jusqu'au <t:{ $end }:F>.
cycles-choice-closed = Ce cycle est terminé, le choix ne peut donc plus changer.
cycles-not-your-pair = Seules les deux personnes de ce binôme peuvent répondre.
cycles-ended =
    { $finished ->
        [one] Le cycle **{ $name }** est terminé. { $finished } binôme a terminé et { $continued } continuent. Lance le prochain cycle avec `/programme start`. Le bilan d'impact suivra <t:{ $report }:R>, une fois les questionnaires de fin reçus ; `/programme report` le montre dès maintenant.
       *[other] Le cycle **{ $name }** est terminé. { $finished } binômes ont terminé et { $continued } continuent. Lance le prochain cycle avec `/programme start`. Le bilan d'impact suivra <t:{ $report }:R>, une fois les questionnaires de fin reçus ; `/programme report` le montre dès maintenant.
    }
cycles-started =
    { $pairs ->
        [one] Le cycle **{ $name }** a commencé. Il se termine le <t:{ $end }:F>. { $pairs } binôme ouvert l'a rejoint, et les nouveaux binômes le rejoignent aussi. Chaque binôme sera interrogé <t:{ $ask }:R> : continuer ou terminer.
       *[other] Le cycle **{ $name }** a commencé. Il se termine le <t:{ $end }:F>. { $pairs } binômes ouverts l'ont rejoint, et les nouveaux binômes le rejoignent aussi. Chaque binôme sera interrogé <t:{ $ask }:R> : continuer ou terminer.
    }
cycles-running = Le cycle **{ $name }** dure jusqu'au <t:{ $end }:F>. Tu pourras lancer le suivant quand il sera terminé.
cycles-name-empty = Donne un nom au cycle, par exemple `Printemps 2027`.
cycles-name-too-long = Ce nom fait { $chars } caractères ; merci de ne pas dépasser { $max }.
cycles-bad-weeks = Un cycle dure de 1 à { $max } semaines. Choisis un nombre dans cet intervalle.
cycles-status-none = Aucun cycle n'est en cours, les binômes continuent donc simplement. Lance-en un avec `/programme start name weeks`.
cycles-status =
    { $days ->
        [one] **{ $name }** a commencé le <t:{ $start }:D> et se termine le <t:{ $end }:F> : { $days } jour restant. Les binômes sont interrogés <t:{ $ask }:R>.
       *[other] **{ $name }** a commencé le <t:{ $start }:D> et se termine le <t:{ $end }:F> : { $days } jours restants. Les binômes sont interrogés <t:{ $ask }:R>.
    }
cycles-status-counts = { $pairs } binômes · { $staying } continuent · { $finish } terminent · { $waiting } sans réponse
cycles-status-waiting = Pas encore de réponse
cycles-status-everyone-answered = Tous les binômes ont répondu.
cycles-pair-line = { $mentor } et { $mentee }
cycles-same-continue = Ton binôme a déjà choisi de continuer. Pour changer, appuie sur **Terminer à la fin**.
cycles-same-finish = Ton binôme a déjà choisi de terminer. Pour changer, appuie sur **Continuer ensemble**.
